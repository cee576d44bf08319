//! The `rcheck` command: parses arguments, calls the library, renders, picks the exit
//! code. All checking lives in the library.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use rcheck::render::{self, Format, Tally};
use rcheck::rules::{self, Severity};
use rcheck::{Error, Options, Outcome};

/// Exit codes. 2 is also what clap uses for a usage error.
const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "rcheck",
    version,
    about = "Checks that the Chinese and English versions of a YAML/JSON document say the same things",
    after_help = "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error."
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
        output: OutputArgs,
    },
    /// Explain one rule, or list all rules with their default severity.
    Rule {
        /// A rule id, such as `number-mismatch`.
        id: Option<String>,
    },
}

#[derive(clap::Args)]
struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// The lowest severity that makes rcheck exit 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Concise,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_CLEAN),
        Err(Failure::Io(e)) => {
            let _ = writeln!(io::stderr(), "rcheck: error: {e}");
            ExitCode::from(EXIT_ERROR)
        }
        Err(Failure::Input(e)) => {
            let _ = writeln!(io::stderr(), "rcheck: error: {e}");
            ExitCode::from(EXIT_ERROR)
        }
    }
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

fn run(cli: Cli) -> Result<u8, Failure> {
    match cli.command {
        Command::Diff { zh, en, output } => {
            let outcome = rcheck::diff_paths(&zh, &en, &Options::default())?;
            report(&[outcome], &output)
        }
        Command::Rule { id } => explain(id.as_deref()),
    }
}

fn report(outcomes: &[Outcome], output: &OutputArgs) -> Result<u8, Failure> {
    let format = match output.format {
        FormatArg::Human => Format::Human,
        FormatArg::Concise => Format::Concise,
        FormatArg::Json => Format::Json,
    };
    let choice = match (output.color, format) {
        (_, Format::Json) | (ColorArg::Never, _) => anstream::ColorChoice::Never,
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
    let threshold = match output.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| {
        outcomes
            .iter()
            .flat_map(|o| &o.findings)
            .any(|f| f.severity >= t)
    });
    let _ = Tally::of(outcomes);
    Ok(if failing { EXIT_FINDINGS } else { EXIT_CLEAN })
}

fn explain(id: Option<&str>) -> Result<u8, Failure> {
    let mut out = io::stdout().lock();
    match id {
        Some(id) => match rules::find(id) {
            Some(rule) => {
                writeln!(
                    out,
                    "# {}\n\nDefault severity: {}\n",
                    rule.id, rule.severity
                )?;
                write!(out, "{}", rule.doc())?;
            }
            None => {
                return Err(Failure::Input(Error::input(
                    id,
                    None,
                    "no such rule (`rcheck rule` lists them)",
                )))
            }
        },
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
