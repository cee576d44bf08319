//! Output formats: separate renderers over one finding type.
