/// A message about the input, with its position and severity: the library reports, never prints.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Comparable {
        /// Analysis went on; the design may not behave as intended.
        case warning
        /// The design is invalid; nothing was analysed.
        case error

        /// Orders by seriousness: a warning sorts before an error.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// Error or warning.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong and what was expected.
    public var message: String
    /// A suggestion (did-you-mean, the fix).
    public var hint: String?
    /// What kind of problem this is: a stable identifier (docs/diagnostics.md).
    public var code: Code

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ code: Code, at location: SourceLocation, _ message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: error: message (hint)`.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// The design could not be read or compiled; carries every error found, in file order.
public struct DesignError: Error, Sendable, CustomStringConvertible {
    /// The errors (severity `.error`), sorted by position.
    public var diagnostics: [Diagnostic]

    /// Creates the error from diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    /// Every diagnostic, one per line, in file order.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
