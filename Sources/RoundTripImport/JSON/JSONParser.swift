import RoundTripCore

/// A strict RFC 8259 JSON reader that keeps the position of every value, for importers that must name
/// `file:line:column` and a JSON pointer for whatever they report.
///
/// Strict: no trailing commas, single quotes, NaN or Infinity, leading zeros, unescaped control characters, unpaired
/// surrogates, invalid UTF-8 or duplicate member names; a UTF-8 byte-order mark is skipped. Comments (`//` and
/// `/* */`, which ARM templates allow) only when asked for. Nesting is limited to ``maximumDepth`` levels and read
/// without recursion, so no input can exhaust the stack. The first problem ends the read with one located
/// diagnostic saying what was expected and what was found.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 512

    /// Parses JSON bytes (UTF-8).
    ///
    /// - Parameters:
    ///   - bytes: the input (`[UInt8]`, `Data`, `String.UTF8View`, …); read in place when contiguous.
    ///   - file: the path to name in diagnostics.
    ///   - allowComments: whether `//` and `/* */` comments may appear where white space may.
    /// - Returns: the document's root value with positions.
    /// - Throws: ``DesignError`` with one diagnostic: `.syntax` (malformed JSON or nesting too deep), `.duplicateKey`
    ///   (a member name repeated in one object) or `.encoding` (bytes that are not UTF-8).
    public static func parse(
        _ bytes: some Collection<UInt8>, file: String, allowComments: Bool = false
    ) throws(DesignError) -> JSONNode {
        let result =
            bytes.withContiguousStorageIfAvailable { buffer in parse(buffer: buffer, file: file, allowComments: allowComments) }
            ?? Array(bytes).withUnsafeBufferPointer { buffer in parse(buffer: buffer, file: file, allowComments: allowComments) }
        return try result.get()
    }

    /// Parses JSON text; the same as parsing its UTF-8 bytes.
    public static func parse(_ text: String, file: String, allowComments: Bool = false) throws(DesignError) -> JSONNode {
        var text = text
        let result = text.withUTF8 { buffer in parse(buffer: buffer, file: file, allowComments: allowComments) }
        return try result.get()
    }

    static func parse(buffer: UnsafeBufferPointer<UInt8>, file: String, allowComments: Bool) -> Result<JSONNode, DesignError> {
        var reader = JSONReader(buffer, file: file, allowComments: allowComments)
        do {
            return .success(try reader.document())
        } catch {
            return .failure(error)
        }
    }
}
