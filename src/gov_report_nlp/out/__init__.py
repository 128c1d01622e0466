"""out: what is made of reports: tables (CSV, DataFrames), the HTML view, the JSON Schema,
evaluation against gold annotations."""
