//! Where in a file a value is, such as `criteria[3].rule.all[0].question`, kept as a chain of
//! borrowed steps and written out only when a problem is reported. Loading reads every object and
//! list item of a file at its own path; writing each path on the way cost a tenth of the time it
//! takes to load a 500-question definition, for messages a valid file never shows.

use std::fmt;

/// A path: a written start (empty for the file as a whole) and the fields and list items below it.
/// Copied freely; each step borrows the step above it.
#[derive(Clone, Copy, Debug)]
pub enum Path<'a> {
    /// A path written out already, such as `""` or `"catalogue.trials[2]"`.
    Written(&'a str),
    /// A field of the object at the parent path.
    Field(&'a Path<'a>, &'a str),
    /// An item of the list at the parent path.
    Item(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The file as a whole.
    pub const ROOT: Path<'static> = Path::Written("");

    /// The path of the field `name` of the object here.
    pub fn field(&'a self, name: &'a str) -> Path<'a> {
        Path::Field(self, name)
    }

    /// The path of item `index` of the list here.
    pub fn item(&'a self, index: usize) -> Path<'a> {
        Path::Item(self, index)
    }

    fn is_root(&self) -> bool {
        matches!(self, Path::Written(""))
    }
}

impl<'a> From<&'a str> for Path<'a> {
    fn from(written: &'a str) -> Path<'a> {
        Path::Written(written)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Written(written) => formatter.write_str(written),
            Path::Field(parent, name) => {
                if !parent.is_root() {
                    parent.fmt(formatter)?;
                    formatter.write_str(".")?;
                }
                formatter.write_str(name)
            }
            Path::Item(parent, index) => {
                parent.fmt(formatter)?;
                write!(formatter, "[{index}]")
            }
        }
    }
}

impl From<Path<'_>> for String {
    fn from(path: Path<'_>) -> String {
        path.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_fields_and_items_as_a_json_path() {
        let criteria = Path::ROOT.field("criteria");
        let criterion = criteria.item(3);
        let rule = criterion.field("rule");
        let all = rule.field("all");
        let first = all.item(0);
        assert_eq!(first.field("question").to_string(), "criteria[3].rule.all[0].question");
        assert_eq!(Path::ROOT.field("format").to_string(), "format");
        assert_eq!(Path::ROOT.item(2).to_string(), "[2]");
        assert_eq!(Path::ROOT.to_string(), "");
    }

    #[test]
    fn continues_a_path_written_elsewhere() {
        let start = Path::from("trials[2]");
        assert_eq!(start.field("id").to_string(), "trials[2].id");
        assert_eq!(start.item(0).to_string(), "trials[2][0]");
        assert_eq!(String::from(start), "trials[2]");
    }
}
