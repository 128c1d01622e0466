"""lang: the genre's shared language layers, below the extractors: names and titles, lists,
numbers, dates, periods."""
