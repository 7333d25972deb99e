import Foundation
import RoundTripCore

/// Reads Azure resource JSON, in every shape Azure hands it out, into ``AzureResource`` values:
///
/// - an ARM REST `GET` response: one resource with a nested `properties` object;
/// - a list response `{"value": [...], "nextLink": ...}` (a further page named by `nextLink` is noted, not fetched);
/// - a REST API specs example `{"parameters": ..., "responses": {"200": {"body": ...}}}` (the 200 or 201 body);
/// - `az … show/list -o json` output, whose properties are flattened to the resource's top level;
/// - Azure Resource Graph results (`az graph query -o json`: `{"count", "data": [...], "skip_token"}`), whose rows
///   write `type` in lower case, and plain arrays of rows;
/// - `az resource list` arrays.
///
/// Child resources stay where they are written (subnets inside a VNet's properties); ``AzureDesignBuilder`` merges
/// them with the same children given as separate resources.
public enum AzureJSONReader {
    /// What one read found: the resources, and notes about what was passed over.
    public struct Result: Sendable {
        /// The resources, in document order.
        public var resources: [AzureResource] = []
        /// What was passed over (a `nextLink` to a page not in the input).
        public var notes: [ImportSummary.Note] = []
        /// Creates an empty result.
        public init() {}
    }

    /// The top-level members of a resource that are not its properties, as ARM and `az` write them.
    static let topLevelMembers: Set<String> = [
        "id", "name", "type", "location", "resourcegroup", "tags", "etag", "sku", "zones", "kind", "identity",
        "managedby", "subscriptionid", "tenantid", "plan", "extendedlocation", "systemdata", "apiversion",
    ]

    /// Reads one file's bytes.
    ///
    /// - Throws: ``DesignError`` with the location of a syntax error or of a value that is not in any Azure shape.
    public static func read(_ data: Data, file: String) throws(DesignError) -> Result {
        let root = try JSONParser.parse(data, file: file)
        return try read(root, file: file)
    }

    /// Reads a parsed document.
    public static func read(_ root: JSONNode, file: String) throws(DesignError) -> Result {
        var result = Result()
        var errors: [Diagnostic] = []
        collect(root, pointer: .root, file: file, into: &result, errors: &errors)
        if !errors.isEmpty { throw DesignError(errors) }
        return result
    }

    /// Whether a parsed document is in one of the shapes this reader reads (used for detection).
    public static func recognizes(_ root: JSONNode) -> Bool {
        switch root.value {
        case .array(let elements):
            return elements.contains { isResource($0) }
        case .object(let object):
            if object.value(forKeyIgnoringCase: "apiVersion")?.string == DesignReader.apiVersion { return false }
            if isResource(root) { return true }
            if let responses = object["responses"]?.object {
                return responses["200"] != nil || responses["201"] != nil
            }
            for key in ["value", "data"] {
                if let list = object[key]?.array, list.isEmpty || list.contains(where: isResource) { return true }
            }
            return false
        default:
            return false
        }
    }

    /// Whether a node is a resource: an object whose `type` names an ARM provider type (`Microsoft.*/…`).
    static func isResource(_ node: JSONNode) -> Bool {
        guard let object = node.object, let type = object.value(forKeyIgnoringCase: "type")?.string else { return false }
        return type.lowercased().hasPrefix("microsoft.") && type.contains("/")
    }

    static func collect(
        _ node: JSONNode, pointer: JSONPointer, file: String, into result: inout Result, errors: inout [Diagnostic]
    ) {
        switch node.value {
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                collect(element, pointer: pointer / index, file: file, into: &result, errors: &errors)
            }
        case .object(let object):
            if object.value(forKeyIgnoringCase: "type") != nil {
                if let resource = resource(node, object, pointer: pointer, file: file, errors: &errors) {
                    result.resources.append(resource)
                }
            } else if let responses = object["responses"]?.object {
                guard let code = ["200", "201"].first(where: { responses[$0]?["body"] != nil }), let body = responses[code]?["body"]
                else {
                    errors.append(
                        Diagnostic(
                            .error, .missingField, at: node.location(in: file, pointer: pointer / "responses"),
                            "a REST API example without a 200 or 201 response body"))
                    return
                }
                collect(body, pointer: pointer / "responses" / code / "body", file: file, into: &result, errors: &errors)
            } else if let key = ["value", "data"].first(where: { object[$0] != nil }), let list = object[key] {
                guard list.array != nil else {
                    errors.append(
                        Diagnostic(
                            .error, .wrongType, at: list.location(in: file, pointer: pointer / key),
                            "'\(key)' is \(list.value.kindDescription); expected a list of Azure resources"))
                    return
                }
                collect(list, pointer: pointer / key, file: file, into: &result, errors: &errors)
                for more in ["nextLink", "skip_token", "\u{24}skipToken"] {
                    guard let link = object[more], let text = link.string, !text.isEmpty else { continue }
                    result.notes.append(
                        ImportSummary.Note(
                            resource: file, what: more,
                            reason: "a further page of results is not in the input (\(text)); its resources are not read",
                            location: link.location(in: file, pointer: pointer / more)))
                }
            } else {
                errors.append(
                    Diagnostic(
                        .error, .missingField, at: node.location(in: file, pointer: pointer),
                        "not an Azure resource: expected an object with 'type' (Microsoft.*), a list response {\"value\": [...]}, a Resource Graph result {\"data\": [...]} or a REST API example {\"responses\": ...}"
                    ))
            }
        default:
            errors.append(
                Diagnostic(
                    .error, .wrongType, at: node.location(in: file, pointer: pointer),
                    "expected an Azure resource (an object) or a list of them, found \(node.value.kindDescription)"))
        }
    }

    /// One resource object, nested (`properties`) or flattened (`az` output).
    static func resource(
        _ node: JSONNode, _ object: JSONObject, pointer: JSONPointer, file: String, errors: inout [Diagnostic]
    ) -> AzureResource? {
        let errorCount = errors.count
        func text(_ key: String, required: Bool) -> String? {
            guard let value = object.value(forKeyIgnoringCase: key) else {
                if required {
                    errors.append(
                        Diagnostic(
                            .error, .missingField, at: node.location(in: file, pointer: pointer),
                            "an Azure resource without '\(key)'"))
                }
                return nil
            }
            if value.isNull, !required { return nil }
            guard let string = value.string else {
                let name = object.member(forKeyIgnoringCase: key)?.key ?? key
                errors.append(
                    Diagnostic(
                        .error, .wrongType, at: value.location(in: file, pointer: pointer / name),
                        "'\(name)' is \(value.value.kindDescription); expected a string"))
                return nil
            }
            return string
        }
        let type = text("type", required: true)
        let givenName = text("name", required: false)
        let givenID = text("id", required: false)
        let location = text("location", required: false)
        guard errors.count == errorCount, let type else { return nil }
        guard type.contains("/") else {
            errors.append(
                Diagnostic(
                    .error, .badValue, at: node.location(in: file, pointer: pointer / "type"),
                    "'\(type)' is not an Azure resource type; expected Namespace/type, e.g. Microsoft.Network/virtualNetworks"))
            return nil
        }
        let name =
            givenName.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? givenID.flatMap { AzureResourceID($0)?.name } ?? ""
        let id = givenID ?? "/providers/\(type)/\(givenName ?? name)"
        func make(top: JSONObject, properties: JSONObject = JSONObject(), propertiesPointer: String? = nil) -> AzureResource {
            var resource = AzureResource(
                id: id, type: type, name: name, region: location, properties: properties, top: top,
                source: SourceLocation(file: file, line: node.line, column: node.column, resourceID: id, jsonPointer: pointer.description))
            resource.propertiesPointer = propertiesPointer
            return resource
        }
        var top = JSONObject()
        var properties = JSONObject()
        var propertiesPointer: String?
        if let nested = object.member(forKeyIgnoringCase: "properties") {
            guard let members = nested.node.object else {
                if !nested.node.isNull {
                    errors.append(
                        Diagnostic(
                            .error, .wrongType, at: nested.node.location(in: file, pointer: pointer / nested.key),
                            "'properties' is \(nested.node.value.kindDescription); expected an object"))
                    return nil
                }
                top.members = object.members.filter { $0.key != nested.key }
                return make(top: top)
            }
            properties = members
            top.members = object.members.filter { $0.key != nested.key }
            if nested.key != "properties" { propertiesPointer = (pointer / nested.key).description }
        } else {
            // `az` output: the properties are the members that are not ARM's top-level ones.
            top.members = object.members.filter { topLevelMembers.contains($0.key.lowercased()) }
            properties.members = object.members.filter { !topLevelMembers.contains($0.key.lowercased()) }
            propertiesPointer = pointer.description
        }
        return make(top: top, properties: properties, propertiesPointer: propertiesPointer)

    }
}
