import Foundation
import RoundTripCore

/// Reads the JSON that `terraform show -json` prints — of a saved plan (`planned_values`, `resource_changes`,
/// `configuration`) or of a state (`values`) — and translates its azurerm resources into ``AzureResource``s in
/// Azure Resource Manager's shape, for ``AzureDesignBuilder``.
///
/// Values unknown until apply (`resource_changes[].change.after_unknown`) are recorded as unknown, never guessed;
/// association resources whose ids are unknown are joined through the `references` of the plan's configuration.
/// Resource ids that are not known yet are synthesized (`/subscriptions/00000000-0000-0000-0000-000000000000/
/// resourceGroups/{resource_group_name}/providers/{type}/{name}`) so references between resources resolve.
public enum TerraformPlanReader {
    /// The major version of Terraform's JSON output format this reader understands.
    public static let supportedFormatMajorVersion = 1

    /// Reads a plan or state.
    ///
    /// - Parameters:
    ///   - data: the output of `terraform show -json plan.out` (or of `terraform show -json` for a state).
    ///   - file: the path to name in locations.
    /// - Returns: the resources in ARM shape, and notes for everything passed over (data sources, resource types
    ///   and attributes not translated, each with its Terraform address) or unknown without a resource to carry it.
    /// - Throws: ``DesignError`` for malformed JSON, an unsupported `format_version`, or members of the wrong type,
    ///   each at its location with what was expected.
    public static func read(
        _ data: Data, file: String
    ) throws(DesignError) -> (
        resources: [AzureResource], notes: [ImportSummary.Note]
    ) {
        let result = try readDetailed(data, file: file)
        return (result.resources, result.skipped + result.unknown)
    }

    /// Reads a plan or state as ``read(_:file:)`` does, keeping passed-over notes (`skipped`) apart from values
    /// unknown until apply that no resource carries (`unknown`; unknown values of emitted resources are in
    /// ``AzureResource/unknown``).
    public static func readDetailed(
        _ data: Data, file: String
    ) throws(DesignError) -> (
        resources: [AzureResource], skipped: [ImportSummary.Note], unknown: [ImportSummary.Note]
    ) {
        let root = try JSONParser.parse(data, file: file)
        let document = try TerraformDocument(root: root, file: file)
        let translator = TerraformTranslator(document: document)
        translator.translate()
        if !translator.errors.isEmpty { throw DesignError(translator.errors) }
        return (translator.output, translator.skipped, translator.unknownNotes)
    }

    /// Whether a JSON document looks like `terraform show -json` output: `format_version` with
    /// `terraform_version`, or a `planned_values` object, or `values.root_module`.
    public static func looksLikeTerraform(_ json: JSONNode) -> Bool {
        guard let object = json.object else { return false }
        if object["format_version"]?.string != nil, object["terraform_version"]?.string != nil { return true }
        if object["planned_values"]?.object != nil { return true }
        return json["values"]?["root_module"]?.object != nil
    }
}

/// One resource instance of the plan or state, with what the plan says about it.
struct TerraformResource {
    /// The full address (`module.spoke[0].azurerm_subnet.workload`).
    var address: String
    /// The module instance's address (`module.spoke[0]`; empty at the root).
    var moduleAddress: String
    /// `managed` or `data`.
    var mode: String
    /// The resource type (`azurerm_subnet`).
    var type: String
    /// The resource name in configuration (`workload`).
    var name: String
    /// The instance key as written in addresses (`[0]`, `["a"]`; empty without count or for_each).
    var key: String
    /// The resource's object in the document.
    var node: JSONNode
    /// The pointer to that object.
    var pointer: JSONPointer
    /// The `values` object (empty when absent).
    var values: JSONNode
    /// The change's `after_unknown`, when the plan has one.
    var afterUnknown: JSONNode?
    /// The configuration `expressions` of the resource, when the plan has a configuration.
    var expressions: JSONNode?

    /// The address without the instance key (`module.spoke[0].azurerm_subnet.workload` for `…workload[1]`).
    var baseAddress: String { (moduleAddress.isEmpty ? "" : moduleAddress + ".") + type + "." + name }

    /// The location of the resource's object, with its pointer.
    func location(_ file: String, id: String? = nil) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column, resourceID: id, jsonPointer: pointer.description)
    }
}

/// The parsed document: its resources in order, the configuration, and any errors found reading its shape.
struct TerraformDocument {
    let file: String
    let root: JSONNode
    var resources: [TerraformResource] = []
    var configuration: TerraformConfiguration

    init(root: JSONNode, file: String) throws(DesignError) {
        self.file = file
        self.root = root
        var errors: [Diagnostic] = []
        func fail(_ code: Diagnostic.Code, _ node: JSONNode, _ pointer: JSONPointer, _ message: String, hint: String? = nil) {
            errors.append(Diagnostic(.error, code, at: node.location(in: file, pointer: pointer), message, hint: hint))
        }
        guard let object = root.object else {
            fail(
                .wrongType, root, .root, "a Terraform plan or state is a JSON object, found \(root.value.kindDescription)",
                hint: "expected the output of `terraform show -json`")
            throw DesignError(errors)
        }
        if let version = object["format_version"] {
            if let text = version.string {
                let major = text.split(separator: ".", omittingEmptySubsequences: false).first.flatMap { Int($0) }
                if major != TerraformPlanReader.supportedFormatMajorVersion {
                    fail(
                        .badValue, version, JSONPointer.root / "format_version",
                        "unsupported Terraform JSON format_version '\(text)'",
                        hint: "expected 1.x, as `terraform show -json` of Terraform 0.12 to 1.x prints")
                }
            } else {
                fail(
                    .wrongType, version, JSONPointer.root / "format_version",
                    "format_version must be a string such as \"1.2\", found \(version.value.kindDescription)")
            }
        } else if object["planned_values"] == nil && object["values"] == nil {
            fail(
                .missingField, root, .root, "not a Terraform plan or state: no format_version, planned_values or values",
                hint: "expected the output of `terraform show -json`")
        }
        configuration = TerraformConfiguration(root: object["configuration"], file: file, errors: &errors)
        var changes: [String: JSONNode] = [:]
        if let list = object["resource_changes"] {
            if let elements = list.array {
                for (index, change) in elements.enumerated() {
                    guard let address = change["address"]?.string else {
                        fail(
                            .missingField, change, JSONPointer.root / "resource_changes" / index,
                            "a resource change needs its address as a string")
                        continue
                    }
                    if let after = change["change"]?["after_unknown"] { changes[address] = after }
                }
            } else {
                fail(
                    .wrongType, list, JSONPointer.root / "resource_changes",
                    "resource_changes must be an array, found \(list.value.kindDescription)")
            }
        }
        for section in ["planned_values", "values"] {
            guard let member = object[section] else { continue }
            let pointer = JSONPointer.root / section
            guard member.object != nil else {
                fail(.wrongType, member, pointer, "\(section) must be an object, found \(member.value.kindDescription)")
                continue
            }
            guard let module = member["root_module"] else { continue }
            var walker = ModuleWalker(file: file, changes: changes, configuration: configuration)
            walker.walk(module, pointer: pointer / "root_module", moduleAddress: "")
            resources = walker.resources
            errors += walker.errors
            break
        }
        if !errors.isEmpty { throw DesignError(errors) }
    }
}

/// Walks `root_module` and its `child_modules`, collecting resource instances.
private struct ModuleWalker {
    let file: String
    let changes: [String: JSONNode]
    let configuration: TerraformConfiguration
    var resources: [TerraformResource] = []
    var errors: [Diagnostic] = []

    mutating func fail(_ code: Diagnostic.Code, _ node: JSONNode, _ pointer: JSONPointer, _ message: String) {
        errors.append(Diagnostic(.error, code, at: node.location(in: file, pointer: pointer), message))
    }

    mutating func walk(_ module: JSONNode, pointer: JSONPointer, moduleAddress: String) {
        guard module.object != nil else {
            fail(.wrongType, module, pointer, "a module must be an object, found \(module.value.kindDescription)")
            return
        }
        if let list = module["resources"] {
            if let elements = list.array {
                for (index, element) in elements.enumerated() {
                    resource(element, pointer: pointer / "resources" / index, moduleAddress: moduleAddress)
                }
            } else {
                fail(.wrongType, list, pointer / "resources", "resources must be an array, found \(list.value.kindDescription)")
            }
        }
        guard let list = module["child_modules"] else { return }
        guard let children = list.array else {
            fail(.wrongType, list, pointer / "child_modules", "child_modules must be an array, found \(list.value.kindDescription)")
            return
        }
        for (index, child) in children.enumerated() {
            let childPointer = pointer / "child_modules" / index
            guard let address = child["address"]?.string else {
                fail(.missingField, child, childPointer, "a child module needs its address as a string (module.NAME)")
                continue
            }
            walk(child, pointer: childPointer, moduleAddress: address)
        }
    }

    mutating func resource(_ node: JSONNode, pointer: JSONPointer, moduleAddress: String) {
        guard node.object != nil else {
            fail(.wrongType, node, pointer, "a resource must be an object, found \(node.value.kindDescription)")
            return
        }
        var strings: [String: String] = [:]
        for key in ["address", "type", "name"] {
            guard let value = node[key] else {
                fail(.missingField, node, pointer, "a resource needs '\(key)'")
                return
            }
            guard let text = value.string else {
                fail(.wrongType, value, pointer / key, "'\(key)' must be a string, found \(value.value.kindDescription)")
                return
            }
            strings[key] = text
        }
        let mode = node["mode"]?.string ?? "managed"
        var key = ""
        if let index = node["index"] {
            if let text = index.string {
                key = "[\"\(text)\"]"
            } else if let number = index.int {
                key = "[\(number)]"
            } else {
                fail(.wrongType, index, pointer / "index", "'index' must be a number or a string, found \(index.value.kindDescription)")
            }
        }
        var values = JSONNode(.object(JSONObject()), line: node.line, column: node.column, offset: node.offset)
        if let given = node["values"] {
            if given.object != nil {
                values = given
            } else if !given.isNull {
                fail(.wrongType, given, pointer / "values", "'values' must be an object, found \(given.value.kindDescription)")
            }
        }
        let address = strings["address"] ?? ""
        let type = strings["type"] ?? ""
        let name = strings["name"] ?? ""
        let configPath = TerraformConfiguration.callPath(moduleAddress)
        resources.append(
            TerraformResource(
                address: address, moduleAddress: moduleAddress, mode: mode, type: type, name: name, key: key,
                node: node, pointer: pointer, values: values, afterUnknown: changes[address],
                expressions: configuration.expressions(callPath: configPath, mode: mode, type: type, name: name)))
    }
}
