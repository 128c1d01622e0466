"""One module per fact kind, each with one public verb: find_<kind>(doc) -> Iterator[Record]."""
