import RoundTripCore

/// Translates the resources of one Terraform document into ARM-shaped ``AzureResource``s: ids first (known or
/// synthesized), then each resource, then associations and child resources merged into the resources they name.
final class TerraformTranslator {
    /// The subscription id of synthesized resource ids.
    static let placeholderSubscription = "00000000-0000-0000-0000-000000000000"
    /// The reason recorded for values unknown until apply.
    static let afterApply = "known after apply"

    let document: TerraformDocument
    var file: String { document.file }
    var resources: [TerraformResource] { document.resources }
    /// Resource indexes by address, and by address without instance key.
    private var byAddress: [String: Int] = [:]
    private var byBase: [String: [Int]] = [:]
    /// The ARM id of each translated resource (known or synthesized), by resource index.
    var armIDs: [Int: String] = [:]
    /// Resources emitted so far, and their positions by normalized id.
    var output: [AzureResource] = []
    private var outputIndex: [String: Int] = [:]
    /// Notes and errors.
    var skipped: [ImportSummary.Note] = []
    var unknownNotes: [ImportSummary.Note] = []
    var errors: [Diagnostic] = []

    init(document: TerraformDocument) {
        self.document = document
        for (index, resource) in document.resources.enumerated() {
            byAddress[resource.address] = index
            byBase[base(resource), default: []].append(index)
        }
    }

    /// The address without the instance key.
    private func base(_ resource: TerraformResource) -> String {
        resource.key.isEmpty ? resource.address : String(resource.address.dropLast(resource.key.count))
    }

    func translate() {
        for depth in 0...TerraformAzurerm.maximumDepth {
            for index in resources.indices where resources[index].mode == "managed" {
                if let kind = TerraformAzurerm.kinds[resources[index].type], kind.depth == depth {
                    armIDs[index] = TerraformAzurerm.armID(self, index, kind)
                }
            }
        }
        for index in resources.indices {
            let resource = resources[index]
            guard resource.mode == "managed" else {
                skip(index, what: resource.type, "data source: read by Terraform, not a resource of the design")
                continue
            }
            guard let kind = TerraformAzurerm.kinds[resource.type] else {
                skip(index, what: resource.type, "resource type not translated")
                continue
            }
            if let translated = TerraformAzurerm.translate(self, index, kind) { emit(translated) }
        }
        for depth in 0...TerraformAzurerm.maximumDepth {
            for index in resources.indices where resources[index].mode == "managed" {
                if TerraformAzurerm.kinds[resources[index].type]?.depth == depth { TerraformAzurerm.merge(self, index) }
            }
        }
    }

    /// The resource whose ARM id is `id` (ignoring case).
    func index(ofID id: String) -> Int? { idIndex[AzureResourceIDKey.normalize(id)] }

    private lazy var idIndex: [String: Int] = {
        var result: [String: Int] = [:]
        for (index, id) in armIDs { result[AzureResourceIDKey.normalize(id)] = index }
        return result
    }()

    // MARK: output

    func emit(_ resource: AzureResource) {
        outputIndex[AzureResourceIDKey.normalize(resource.id)] = output.count
        output.append(resource)
    }

    /// Changes the emitted resource with an id (ignoring case); false when none has it.
    @discardableResult
    func modify(_ id: String, _ body: (inout AzureResource) -> Void) -> Bool {
        guard let position = outputIndex[AzureResourceIDKey.normalize(id)] else { return false }
        body(&output[position])
        return true
    }

    /// The emitted resource with an id (ignoring case).
    func emitted(_ id: String) -> AzureResource? {
        outputIndex[AzureResourceIDKey.normalize(id)].map { output[$0] }
    }

    // MARK: notes

    func location(_ index: Int, pointer: JSONPointer? = nil, node: JSONNode? = nil) -> SourceLocation {
        let resource = resources[index]
        let at = node ?? resource.node
        return SourceLocation(
            file: file, line: at.line, column: at.column, resourceID: armIDs[index],
            jsonPointer: (pointer ?? resource.pointer).description)
    }

    func skip(_ index: Int, what: String, _ reason: String, node: JSONNode? = nil, pointer: JSONPointer? = nil) {
        skipped.append(
            ImportSummary.Note(
                resource: resources[index].address, what: what, reason: reason, location: location(index, pointer: pointer, node: node)))
    }

    func unknownNote(_ index: Int, what: String, _ reason: String, node: JSONNode? = nil, pointer: JSONPointer? = nil) {
        unknownNotes.append(
            ImportSummary.Note(
                resource: resources[index].address, what: what, reason: reason, location: location(index, pointer: pointer, node: node)))
    }

    func error(_ code: Diagnostic.Code, _ node: JSONNode, _ pointer: JSONPointer, _ message: String) {
        errors.append(Diagnostic(.error, code, at: node.location(in: file, pointer: pointer), message))
    }

    // MARK: references

    /// The resource a list of configuration references names, from a resource in module instance `moduleAddress`
    /// whose own instance key is `key` (used when a reference names a resource with several instances, as
    /// `azurerm_subnet.app[count.index]` does). `var.NAME` references are followed through the module call.
    func resolve(_ references: [String], moduleAddress: String, key: String, depth: Int = 0) -> [Int] {
        var found: [Int] = []
        for text in references {
            if let variable = TerraformReference.variable(text) {
                var instances = TerraformConfiguration.instances(moduleAddress)
                guard depth < 32, let last = instances.popLast(),
                    let call = document.configuration.call(TerraformConfiguration.callPath(moduleAddress)),
                    let outer = call["expressions"]?[variable]?["references"]?.array
                else { continue }
                found += resolve(
                    outer.compactMap(\.string), moduleAddress: TerraformConfiguration.address(instances), key: last.key,
                    depth: depth + 1)
                continue
            }
            guard let reference = TerraformReference(text) else { continue }
            let prefix = (moduleAddress.isEmpty ? "" : moduleAddress + ".") + (reference.mode == "data" ? "data." : "")
            let base = prefix + reference.type + "." + reference.name
            var target: Int?
            if !reference.key.isEmpty {
                target = byAddress[base + reference.key]
            } else if let candidates = byBase[base] {
                target = candidates.count == 1 ? candidates.first : candidates.first { resources[$0].key == key }
            }
            if let target, !found.contains(target) { found.append(target) }
        }
        return found
    }

    /// The first resource the references name, from resource `index`.
    func resolve(_ references: [String], from index: Int) -> Int? {
        resolve(references, moduleAddress: resources[index].moduleAddress, key: resources[index].key).first
    }
}

/// Resource id comparison without regard to case (Azure writes `resourceGroups` and `resourcegroups`).
enum AzureResourceIDKey {
    static func normalize(_ id: String) -> String {
        var text = id.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// The id's parent (everything before the last `/type/name` pair), and the last name.
    static func split(_ id: String) -> (parent: String, segment: String, name: String)? {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        return (parts.dropLast(2).joined(separator: "/"), String(parts[parts.count - 2]), String(parts[parts.count - 1]))
    }
}
