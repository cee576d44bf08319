//! The `rcheck` command: parses arguments, loads the config, calls the library,
//! renders, picks the exit code. All checking lives in the library.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use rcheck::config::{self, Config, FailOn};
use rcheck::pairs::{self, Planned};
use rcheck::render::{self, Format};
use rcheck::rules;
use rcheck::suppress::{self, Baseline};
use rcheck::{Error, Options, Outcome};

/// No finding at or above `--fail-on`.
const EXIT_CLEAN: u8 = 0;
/// Findings at or above `--fail-on`.
const EXIT_FINDINGS: u8 = 1;
/// Usage, configuration or input error; also what clap exits with on bad arguments.
const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "rcheck",
    version,
    about = "Checks that the Chinese and English versions of a YAML/JSON document say the same things",
    after_help = "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, configuration or input error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare one zh file with one en file.
    Diff {
        /// The Chinese version (YAML or JSON).
        zh: PathBuf,
        /// The English version (YAML or JSON).
        en: PathBuf,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Compare every YAML/JSON file of two folders, paired by relative path (default
    /// ./zh and ./en, or the [[pair]] entries of rcheck.toml).
    Check {
        /// The folder of Chinese documents.
        #[arg(requires = "en_dir")]
        zh_dir: Option<PathBuf>,
        /// The folder of English documents.
        en_dir: Option<PathBuf>,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Explain one rule, or list all rules with their default severity.
    Rule {
        /// A rule id, such as `number-mismatch`.
        id: Option<String>,
    },
    /// Print a shell completion script.
    Completions { shell: clap_complete::Shell },
}

#[derive(clap::Args)]
struct RunArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// When to colour human output (NO_COLOR is respected under auto).
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// The lowest severity that makes rcheck exit 1 [default: fail-on of rcheck.toml, or
    /// error].
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Use this config file instead of the nearest rcheck.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record today's findings in this file (written atomically) and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

enum Failure {
    Input(Error),
    Io(io::Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Input(e)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let message = match run(cli) {
        Ok(code) => return ExitCode::from(code),
        // `rcheck ... | head` closed the pipe: nothing is wrong.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            return ExitCode::from(EXIT_CLEAN)
        }
        Err(Failure::Io(e)) => e.to_string(),
        Err(Failure::Input(e)) => e.to_string(),
    };
    let _ = writeln!(io::stderr(), "rcheck: error: {message}");
    ExitCode::from(EXIT_ERROR)
}

fn run(cli: Cli) -> Result<u8, Failure> {
    match cli.command {
        Command::Diff { zh, en, run } => {
            let config = load_config(&run)?;
            check(&[Planned::Both { zh, en }], config, &run)
        }
        Command::Check {
            zh_dir,
            en_dir,
            run,
        } => {
            let config = load_config(&run)?;
            let plan = match (zh_dir, en_dir) {
                (Some(zh), Some(en)) => pairs::pair_folders(&zh, &en)?,
                _ if !config.pairs.is_empty() => config
                    .pairs
                    .iter()
                    .map(|p| Planned::Both {
                        zh: p.zh.clone(),
                        en: p.en.clone(),
                    })
                    .collect(),
                _ => pairs::pair_folders(Path::new("zh"), Path::new("en"))?,
            };
            check(&plan, config, &run)
        }
        Command::Rule { id } => explain(id.as_deref()),
        Command::Completions { shell } => {
            let mut out = io::stdout().lock();
            clap_complete::generate(shell, &mut Cli::command(), "rcheck", &mut out);
            out.flush()?;
            Ok(EXIT_CLEAN)
        }
    }
}

fn load_config(run: &RunArgs) -> Result<Config, Error> {
    let cwd = std::env::current_dir().ok();
    let path = match &run.config {
        Some(path) => Some(path.clone()),
        None => cwd.as_deref().and_then(config::discover).map(|found| {
            // Shown relative to where the user stands: `rcheck.toml`, `../rcheck.toml`.
            match cwd.as_deref().and_then(|c| found.strip_prefix(c).ok()) {
                Some(inside) => inside.to_path_buf(),
                None => found,
            }
        }),
    };
    match path {
        Some(path) => config::load(&path),
        None => Ok(Config::default()),
    }
}

fn check(plan: &[Planned], config: Config, run: &RunArgs) -> Result<u8, Failure> {
    let baseline = run.baseline.as_deref().map(Baseline::load).transpose()?;
    let fail_on = match run.fail_on {
        Some(FailOnArg::Error) => FailOn::At(rules::Severity::Error),
        Some(FailOnArg::Warning) => FailOn::At(rules::Severity::Warning),
        Some(FailOnArg::Info) => FailOn::At(rules::Severity::Info),
        Some(FailOnArg::Never) => FailOn::Never,
        None => config.fail_on,
    };
    let options = Options { config };
    let outcomes = rcheck::run(plan, &options, baseline.as_ref())?;
    if let Some(path) = &run.write_baseline {
        suppress::write_baseline(path, &outcomes)?;
        let count: usize = outcomes.iter().map(|o| o.findings.len()).sum();
        writeln!(
            io::stderr(),
            "rcheck: recorded {count} finding(s) in {}",
            path.display()
        )?;
        return Ok(EXIT_CLEAN);
    }
    report(&outcomes, run)?;
    let failing = outcomes
        .iter()
        .flat_map(|o| &o.findings)
        .any(|f| fail_on.fails(f.severity));
    Ok(if failing { EXIT_FINDINGS } else { EXIT_CLEAN })
}

fn report(outcomes: &[Outcome], run: &RunArgs) -> io::Result<()> {
    let format = match run.format {
        FormatArg::Human => Format::Human,
        FormatArg::Concise => Format::Concise,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
    };
    let choice = match (run.color, format) {
        (ColorArg::Never, _) | (_, Format::Json | Format::Sarif | Format::Github) => {
            anstream::ColorChoice::Never
        }
        (ColorArg::Always, _) => anstream::ColorChoice::Always,
        (ColorArg::Auto, _) => anstream::ColorChoice::Auto,
    };
    // Stdout is line-buffered: one write per finding would cost a system call each
    // (seconds for a million findings into a pipe). Buffer it, after deciding on colour
    // from the real stdout, which a buffer cannot answer for.
    let stdout = io::stdout();
    let choice = match choice {
        anstream::ColorChoice::Auto => anstream::AutoStream::choice(&stdout),
        fixed => fixed,
    };
    let mut buffered = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if format == Format::Json {
        // Machine output has no styles to strip: skip anstream's byte-by-byte filter.
        render::render(format, outcomes, &mut buffered)?;
        buffered.flush()?;
    } else {
        let buffered: Box<dyn Write> = Box::new(buffered);
        let mut out = anstream::AutoStream::new(buffered, choice);
        render::render(format, outcomes, &mut out)?;
        out.flush()?;
    }
    Ok(())
}

fn explain(id: Option<&str>) -> Result<u8, Failure> {
    let mut out = io::stdout().lock();
    match id {
        Some(id) => {
            let rule = rules::find(id)
                .ok_or_else(|| Error::input(id, None, "no such rule (`rcheck rule` lists them)"))?;
            write!(out, "{}", rules::manual(rule))?;
        }
        None => {
            for rule in rules::RULES {
                writeln!(
                    out,
                    "{:<20} {:<8} {}",
                    rule.id,
                    rule.severity,
                    rule.summary()
                )?;
            }
        }
    }
    Ok(EXIT_CLEAN)
}
