/// GitHub Actions workflow commands (`::error file=F,line=L,col=C,title=T::message`), which show
/// as annotations on a pull request's lines: written by `validate --format github` and
/// `diff --format github`.
enum GitHubWorkflowCommand {
    /// One workflow command, its properties and message escaped as the runner expects.
    static func line(_ name: String, file: String, line: Int, column: Int? = nil, title: String, message: String) -> String {
        var properties = ["file=\(escapeProperty(file))", "line=\(line)"]
        if let column { properties.append("col=\(column)") }
        properties.append("title=\(escapeProperty(title))")
        return "::\(name) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// `%`, CR and LF in a message.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value: also `:` and `,`, which would end it.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
