import Foundation
import RoundTripCore
import Yams

/// Reads RoundTrip v1 designs (YAML or JSON) into a ``Design``, keeping the position of every element and field.
public enum DesignReader {
    /// The format's API version.
    public static let apiVersion = "roundtrip/v1"

    /// Parses a design document.
    ///
    /// - Parameters:
    ///   - text: YAML or JSON text (JSON is checked strictly, then read as YAML's flow style, so positions work the
    ///     same).
    ///   - file: the path to name in messages.
    /// - Throws: ``DesignError`` with every problem found: syntax, wrong types, unknown fields (with did-you-mean),
    ///   missing fields, malformed addresses and prefixes.
    public static func parse(_ text: String, file: String) throws(DesignError) -> Design {
        let sink = DiagnosticSink(file: file)
        guard let root = try compose(text, file: file) else {
            throw DesignError([
                Diagnostic(
                    .error, .empty, at: SourceLocation(file: file, line: 1, column: 1),
                    "the file is empty; expected a design starting with 'apiVersion: \(apiVersion)'")
            ])
        }
        guard let design = DocumentDecoder(sink: sink).decode(root), sink.diagnostics.isEmpty else {
            throw DesignError(sink.diagnostics)
        }
        return design
    }

    /// Parses a separate assertions file (`apiVersion: roundtrip/v1` and an `assertions` list).
    public static func parseAssertions(_ text: String, file: String) throws(DesignError) -> [AssertionSpec] {
        let sink = DiagnosticSink(file: file)
        guard let root = try compose(text, file: file),
            let map = MapReader(root, what: "assertions file", allowed: ["$schema", "apiVersion", "assertions"], sink: sink)
        else {
            throw DesignError(
                sink.diagnostics + [
                    Diagnostic(
                        .error, .empty, at: SourceLocation(file: file, line: 1, column: 1),
                        "expected 'apiVersion: \(apiVersion)' and an 'assertions' list")
                ])
        }
        if let node = map.required("apiVersion"), let version = map.text(node, "apiVersion"), version != apiVersion {
            sink.error(.apiVersion, node, "unsupported apiVersion '\(version)'; expected '\(apiVersion)'")
        }
        let specs = map.list("assertions").compactMap(DocumentDecoder(sink: sink).assertion)
        if !sink.diagnostics.isEmpty { throw DesignError(sink.diagnostics) }
        return specs
    }

    /// The document's node tree (nil when empty), with positions; syntax errors become positioned diagnostics.
    ///
    /// JSON input is first checked with the strict ``JSONParser`` (YAML would accept a trailing comma, single quotes
    /// or a comment), then read like YAML so that every other message is the same in both syntaxes.
    static func compose(_ text: String, file: String) throws(DesignError) -> Yams.Node? {
        if isStrictJSON(text, file: file) { _ = try JSONParser.parse(text, file: file) }
        do {
            // The basic resolver: the decoder reads scalars as text, so no scalar needs its tag resolved by regular expression.
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw DesignError([syntaxDiagnostic(error, file: file)])
        } catch {
            throw DesignError([Diagnostic(.error, .syntax, at: SourceLocation(file: file, line: 1, column: 1), "cannot parse: \(error)")])
        }
    }

    /// Whether a text is read as strict JSON: its syntax is JSON by its content (it opens with `{` or `[`), and its
    /// file name does not say YAML (a `.yaml` file may be written in YAML's flow style, which JSON does not cover).
    static func isStrictJSON(_ text: String, file: String) -> Bool {
        let name = file.lowercased()
        guard !name.hasSuffix(".yaml"), !name.hasSuffix(".yml") else { return false }
        let first = text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
        return first != nil && InputSyntax.detect(text, file: file) == .json
    }

    /// Turns a Yams syntax error into a positioned diagnostic.
    static func syntaxDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column)) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return Diagnostic(.error, .syntax, at: at(mark), "YAML/JSON syntax error: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                .error, .duplicateKey, at: at(context.mark),
                "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
        default:
            return Diagnostic(.error, .syntax, at: SourceLocation(file: file, line: 1, column: 1), "cannot parse: \(error)")
        }
    }
}
