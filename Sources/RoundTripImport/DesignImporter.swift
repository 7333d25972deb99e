import Foundation
import RoundTripCore

/// The one entry point for inputs: bytes and a file name in, a ``Design`` (every element with its source location)
/// or the diagnostics out, whatever form the input takes.
///
/// The format is detected from the content (and the file name when the content cannot tell) unless given. Each
/// ``InputFormat`` has its own importer; today that is ``DesignReader`` for RoundTrip designs in YAML or JSON.
public enum DesignImporter {
    /// What an input is: its format and syntax, judged from the content first and the file name's extension second.
    ///
    /// Bytes that are not UTF-8 text are reported by the import itself; detection judges them as RoundTrip YAML.
    public static func detect(_ data: Data, file: String) -> InputDetection {
        detect(String(data: data, encoding: .utf8) ?? "", file: file)
    }

    /// What a text input is: its format and syntax (see ``detect(_:file:)``).
    public static func detect(_ text: String, file: String) -> InputDetection {
        let syntax = InputSyntax.detect(text, file: file)
        if syntax == .json, let form = jsonForm(text, file: file) { return InputDetection(format: form, syntax: .json) }
        // Every input that no other format claims is a RoundTrip design, so its reader reports what is wrong.
        return InputDetection(format: .roundtrip, syntax: syntax)
    }

    /// Imports a design.
    ///
    /// - Parameters:
    ///   - data: the input's bytes (UTF-8 text).
    ///   - file: the path to name in messages and source locations.
    ///   - format: the input form; detected when nil.
    /// - Throws: ``DesignError`` with every problem found, each with its location (`file:1:1` when the bytes are not
    ///   UTF-8 text).
    public static func importDesign(_ data: Data, file: String, format: InputFormat? = nil) throws(DesignError) -> Design {
        try importDesign(try text(of: data, file: file), file: file, format: format)
    }

    /// Imports a design from text (see ``importDesign(_:file:format:)``).
    public static func importDesign(_ text: String, file: String, format: InputFormat? = nil) throws(DesignError) -> Design {
        switch format ?? detect(text, file: file).format {
        case .roundtrip: return try DesignReader.parse(text, file: file)
        case .azureJSON, .terraform, .armTemplate: return try importDesign(inputs: [(Data(text.utf8), file)], format: format)
        }
    }

    /// Imports a separate assertions file (`apiVersion: roundtrip/v1` and an `assertions` list), to add to a design.
    ///
    /// - Throws: ``DesignError`` with every problem found, each with its location.
    public static func importAssertions(_ data: Data, file: String, format: InputFormat? = nil) throws(DesignError) -> [AssertionSpec] {
        try importAssertions(try text(of: data, file: file), file: file, format: format)
    }

    /// Imports a separate assertions file from text (see ``importAssertions(_:file:format:)``).
    public static func importAssertions(_ text: String, file: String, format: InputFormat? = nil) throws(DesignError) -> [AssertionSpec] {
        switch format ?? detect(text, file: file).format {
        case .roundtrip, .azureJSON, .terraform, .armTemplate: return try DesignReader.parseAssertions(text, file: file)
        }
    }

    /// The bytes as UTF-8 text, or a diagnostic at the file's start.
    static func text(of data: Data, file: String) throws(DesignError) -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw DesignError([
                Diagnostic(.error, .encoding, at: SourceLocation(file: file, line: 1, column: 1), "the file is not UTF-8 text")
            ])
        }
        return text
    }
}
