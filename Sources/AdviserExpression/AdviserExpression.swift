// The condition language (a CEL subset). See docs/expressions.md.
