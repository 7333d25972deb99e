import ArgumentParser
import Foundation
import RoundTripCore
import RoundTripReport

/// What every command's terminal output follows: colour and quiet mode, set once per run from ``DisplayOptions``.
enum Console {
    /// Whether to print nothing but errors (results still go to `-o`).
    nonisolated(unsafe) static var quiet = false
    /// Whether text on standard output is coloured.
    nonisolated(unsafe) static var colour = false

    /// Writes a note (import summary, compiler warning) on standard error unless quiet.
    static func note(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Text for standard output, with the ✓ and ✗ marks at the start of lines coloured when colour is on.
    static func paint(_ text: String) -> String {
        guard colour else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let body = line.drop { $0 == " " }
            let indent = line.prefix(line.count - body.count)
            if body.hasPrefix("✓") { return indent + "\u{1B}[32m✓\u{1B}[0m" + body.dropFirst() }
            if body.hasPrefix("✗") { return indent + "\u{1B}[31m✗\u{1B}[0m" + body.dropFirst() }
            return String(line)
        }.joined(separator: "\n")
    }

    /// Whether standard output is a terminal.
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}

/// When to colour text output.
enum ColourChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// `--color` and `-q/--quiet`, on every command.
struct DisplayOptions: ParsableArguments {
    @Option(
        name: .customLong("color"),
        help: "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var colour: ColourChoice = .auto

    @Flag(name: .shortAndLong, help: "Print nothing but errors; the exit code tells the result (-o files are still written).")
    var quiet = false

    /// Sets ``Console`` for this run.
    func apply() {
        Console.quiet = quiet
        switch colour {
        case .always: Console.colour = true
        case .never: Console.colour = false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            Console.colour =
                Console.outputIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }
}

/// The output formats of commands that print results: `routes`, `egress`, `doctor`, `diff` and others.
enum ResultFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension RoundTrip {
    /// Where docs/rules.md is published, for SARIF `helpUri`: `$ROUNDTRIP_RULES_URL`, else a relative reference.
    static var rulesURL: String {
        let value = ProcessInfo.processInfo.environment["ROUNDTRIP_RULES_URL"] ?? ""
        return value.isEmpty ? SARIFReport.defaultRulesURL : value
    }

    /// The names `roundtrip` takes as its first argument.
    static var commandNames: [String] {
        allCommandNames.filter { !$0.hasPrefix("__") }
    }

    /// Every subcommand name, the internal ones too.
    static var allCommandNames: [String] {
        configuration.subcommands.map { $0.configuration.commandName ?? String(describing: $0).lowercased() }
    }

    /// A usage error for a misspelt subcommand (`roundtrip chek`): a first argument that is neither a command, an
    /// option nor an existing file, but close to a command name.
    static func misspeltCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "-", !allCommandNames.contains(first),
            !FileManager.default.fileExists(atPath: first), !first.contains("/"), !first.contains(".")
        else { return nil }
        let hint = Suggestion.hint(for: first, in: commandNames).map { " (\($0))" } ?? ""
        return "error: unknown command or file '\(first)'\(hint); commands: \(commandNames.joined(separator: ", "))"
    }
}

/// `error: no flow 'x' (did you mean 'y'?); flows: a, b, c` — the names listed up to a limit.
func unknownName(_ kind: String, _ name: String, in names: [String], file: String, note: String = "") -> InputFailure {
    let hint = Suggestion.hint(for: name, in: names).map { " (\($0))" } ?? ""
    let shown = names.prefix(30).joined(separator: ", ") + (names.count > 30 ? ", … \(names.count - 30) more" : "")
    return InputFailure("\(file): error: no \(kind) '\(name)'\(note)\(hint); \(kind)s: \(names.isEmpty ? "none" : shown)")
}
