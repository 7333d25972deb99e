import Foundation
import RoundTripCore
import Yams

/// Microsoft's weekly "Azure IP Ranges and Service Tags" download (`ServiceTags_Public_YYYYMMDD.json`), read into a
/// ``ServiceTagTable`` to pass to `Topology.compile(_:serviceTags:)`.
///
/// The file is `{"changeNumber", "cloud", "values": [{"name", "id", "properties": {"region", "addressPrefixes", …}}]}`;
/// fields RoundTrip does not use are ignored. IPv6 prefixes are skipped (RoundTrip models IPv4 only). Precedence:
/// a design's own `serviceTags` entries win over the file, the file over the built-in excerpt.
public struct ServiceTagFile: Sendable {
    /// `changeNumber`: the download's version, when given.
    public var changeNumber: Int?
    /// `cloud`: `Public`, `AzureGovernment`, … when given.
    public var cloud: String?
    /// The file's tags with their IPv4 prefixes.
    public var table: ServiceTagTable
    /// How many IPv6 prefixes were skipped.
    public var skippedIPv6Prefixes: Int

    /// Reads a Service Tags file.
    ///
    /// - Parameters:
    ///   - data: the file's bytes (JSON).
    ///   - file: the path to name in messages and in ``ServiceTagTable/origins``.
    /// - Throws: ``DesignError`` naming the file, where in it, and what was expected.
    public static func parse(_ data: Data, file: String) throws(DesignError) -> ServiceTagFile {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let text = String(data: data, encoding: .utf8) else {
            throw DesignError([Diagnostic(.error, .encoding, at: start, "the service-tags file is not UTF-8 text")])
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw DesignError([Diagnostic(.error, .empty, at: start, "the service-tags file is empty", hint: expected)])
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let error as DecodingError {
            throw DesignError([diagnostic(error, text: text, file: file)])
        } catch {
            throw DesignError([Diagnostic(.error, .syntax, at: start, "cannot read the service-tags file: \(error)", hint: expected)])
        }
        var entries: [(name: String, prefixes: [IPv4Prefix])] = []
        var skipped = 0
        var problems: [Diagnostic] = []
        for (i, value) in document.values.enumerated() {
            let name = value.name.trimmingCharacters(in: .whitespaces)
            if name.isEmpty {
                problems.append(
                    Diagnostic(
                        .error, .badName, at: locate(["values", .index(i), "name"], in: text, file: file),
                        "values[\(i)]: a service tag needs a name", hint: expected))
                continue
            }
            var prefixes: [IPv4Prefix] = []
            for (j, prefixText) in value.properties.addressPrefixes.enumerated() {
                if prefixText.contains(":") {
                    skipped += 1
                } else if let prefix = IPv4Prefix(prefixText.trimmingCharacters(in: .whitespaces)) {
                    prefixes.append(prefix)
                } else {
                    problems.append(
                        Diagnostic(
                            .error, .badPrefix,
                            at: locate(["values", .index(i), "properties", "addressPrefixes", .index(j)], in: text, file: file),
                            "service tag '\(name)': '\(prefixText)' is not an IPv4 or IPv6 CIDR prefix"))
                }
            }
            entries.append((name, prefixes))
        }
        if !problems.isEmpty { throw DesignError(problems) }
        return ServiceTagFile(
            changeNumber: document.changeNumber, cloud: document.cloud, table: ServiceTagTable(entries: entries, origin: file),
            skippedIPv6Prefixes: skipped)
    }

    /// What a service-tags file must look like, for hints.
    static let expected =
        #"Azure's Service Tags JSON is {"changeNumber", "cloud", "values": [{"name", "id", "properties": {"addressPrefixes": [...]}}]}"#

    /// The parts of the file RoundTrip reads.
    struct Document: Decodable {
        var changeNumber: Int?
        var cloud: String?
        var values: [Value]

        enum CodingKeys: String, CodingKey { case changeNumber, cloud, values }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            // changeNumber is a number in Microsoft's file; tolerate text, as it only labels the download.
            changeNumber =
                (try? container.decodeIfPresent(Int.self, forKey: .changeNumber))
                ?? (try? container.decodeIfPresent(String.self, forKey: .changeNumber)).flatMap { $0.flatMap { Int($0) } }
            cloud = try? container.decodeIfPresent(String.self, forKey: .cloud)
            values = try container.decode([Value].self, forKey: .values)
        }
    }

    /// One entry of `values`.
    struct Value: Decodable {
        var name: String
        var properties: Properties
    }

    /// An entry's `properties`.
    struct Properties: Decodable {
        var addressPrefixes: [String]
    }

    /// A decoding failure as a diagnostic at the offending value, naming its path and what was expected.
    static func diagnostic(_ error: DecodingError, text: String, file: String) -> Diagnostic {
        func path(_ keys: [any CodingKey]) -> String {
            var out = ""
            for key in keys {
                if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
            }
            return out.isEmpty ? "the top level" : out
        }
        func components(_ keys: [any CodingKey]) -> [PathComponent] {
            keys.map { key in key.intValue.map(PathComponent.index) ?? .key(key.stringValue) }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = context.codingPath
            return Diagnostic(
                .error, .missingField, at: locate(components(at), in: text, file: file),
                "\(path(at)): missing '\(key.stringValue)'", hint: expected)
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let at = context.codingPath
            return Diagnostic(
                .error, .wrongType, at: locate(components(at), in: text, file: file),
                "\(path(at)): expected \(describe(type))", hint: expected)
        case .dataCorrupted(let context):
            let detail = [context.debugDescription, (context.underlyingError as NSError?)?.debugDescription ?? ""]
                .joined(separator: " ")
            return Diagnostic(
                .error, .syntax, at: syntaxLocation(detail, in: text, file: file),
                "the service-tags file is not valid JSON\(context.codingPath.isEmpty ? "" : " at \(path(context.codingPath))")",
                hint: expected)
        @unknown default:
            return Diagnostic(
                .error, .syntax, at: SourceLocation(file: file, line: 1, column: 1), "cannot read the service-tags file: \(error)",
                hint: expected)
        }
    }

    /// A type as the JSON it stands for.
    static func describe(_ type: Any.Type) -> String {
        if type == String.self { return "a string" }
        if type == Int.self { return "a number" }
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") { return "a list" }
        return "an object"
    }

    /// A step into the document: a mapping key or a list index.
    enum PathComponent: ExpressibleByStringLiteral {
        case key(String)
        case index(Int)
        init(stringLiteral value: String) { self = .key(value) }
    }

    /// The line and column of the value at a path (or of the deepest part of the path that exists). JSON is read
    /// again as YAML, which keeps positions; this runs only when reporting an error.
    static func locate(_ path: [PathComponent], in text: String, file: String) -> SourceLocation {
        var location = SourceLocation(file: file, line: 1, column: 1)
        guard var node = try? Yams.compose(yaml: text) else { return location }
        func at(_ node: Yams.Node) -> SourceLocation {
            guard let mark = node.mark else { return location }
            return SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column))
        }
        location = at(node)
        for step in path {
            let next: Yams.Node?
            switch step {
            case .key(let key): next = node.mapping?[key]
            case .index(let index): next = node.sequence.flatMap { index < $0.count ? $0[index] : nil }
            }
            guard let next else { break }
            node = next
            location = at(node)
        }
        return location
    }

    /// Where a JSON syntax error is: the "line L, column C" Foundation reports, else the YAML reading's error mark.
    static func syntaxLocation(_ detail: String, in text: String, file: String) -> SourceLocation {
        if let match = detail.firstMatch(of: /line (\d+),? column (\d+)/), let line = Int(match.1), let column = Int(match.2) {
            return SourceLocation(file: file, line: line, column: column)
        }
        do {
            _ = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return DesignReader.syntaxDiagnostic(error, file: file).location
        } catch {}
        return SourceLocation(file: file, line: 1, column: 1)
    }
}

extension DesignImporter {
    /// Reads Microsoft's "Azure IP Ranges and Service Tags" JSON (see ``ServiceTagFile``).
    ///
    /// - Throws: ``DesignError`` naming the file, where in it, and what was expected.
    public static func importServiceTags(_ data: Data, file: String) throws(DesignError) -> ServiceTagFile {
        try ServiceTagFile.parse(data, file: file)
    }
}
