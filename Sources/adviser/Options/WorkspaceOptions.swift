import ArgumentParser

/// `--rules DIR`: which workspace folder to read. Every command takes it.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder to read.", valueName: "DIR"))
    var rules: String = "Rules"
}
