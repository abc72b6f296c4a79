import ArgumentParser

/// `--segment` and `--offering`: which combinations to advise (default: all).
struct SelectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this segment (repeat for several).", valueName: "ID"))
    var segment: [String] = []

    @Option(help: ArgumentHelp("Only this offering (repeat for several).", valueName: "ID"))
    var offering: [String] = []
}
