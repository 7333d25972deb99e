import RoundTripCore

/// One object of a resource's `values` (the resource itself or a nested block), with the matching part of
/// `after_unknown` and of the configuration's `expressions`.
struct TerraformScope {
    /// The object (an empty object when the block is absent).
    let values: JSONNode
    /// The matching `after_unknown` part (`true` when the whole object is unknown).
    let unknown: JSONNode?
    /// The matching configuration expressions.
    let expressions: JSONNode?
    /// The Terraform attribute path of the object (`ip_configuration.0`), for notes.
    let path: String
    /// The JSON pointer of the object in the document.
    let pointer: JSONPointer

    /// A known, non-null attribute.
    subscript(key: String) -> JSONNode? {
        guard let node = values[key], !node.isNull else { return nil }
        return node
    }

    /// A known string attribute (nil when empty).
    func string(_ key: String) -> String? {
        guard let text = self[key]?.string, !text.isEmpty else { return nil }
        return text
    }

    /// Whether the attribute is unknown until apply.
    func isUnknown(_ key: String) -> Bool {
        if unknown?.bool == true { return true }
        return unknown?[key]?.bool == true
    }

    /// The Terraform path of an attribute (`ip_configuration.0.subnet_id`).
    func path(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The configuration references of an attribute's expression.
    func references(_ key: String) -> [String] {
        expressions?[key]?["references"]?.array?.compactMap(\.string) ?? []
    }

    /// The nested blocks (or objects) of an attribute, in order.
    func blocks(_ key: String) -> [TerraformScope] {
        guard let elements = self[key]?.array else {
            if let object = self[key], object.object != nil { return [block(object, key: key, index: nil)] }
            return []
        }
        return elements.enumerated().compactMap { index, element in
            element.object == nil ? nil : block(element, key: key, index: index)
        }
    }

    private func block(_ node: JSONNode, key: String, index: Int?) -> TerraformScope {
        var unknownPart = unknown?.bool == true ? unknown : unknown?[key]
        var expressionPart = expressions?[key]
        var childPath = path(key)
        var childPointer = pointer / key
        if let index {
            if unknownPart?.bool != true { unknownPart = unknownPart?[index] }
            expressionPart = expressionPart?[index]
            childPath += ".\(index)"
            childPointer = childPointer / index
        }
        return TerraformScope(values: node, unknown: unknownPart, expressions: expressionPart, path: childPath, pointer: childPointer)
    }
}

/// Builds one ARM-shaped resource from a Terraform resource, recording values unknown until apply.
final class ARMBuild {
    let translator: TerraformTranslator
    let index: Int
    let root: TerraformScope
    /// Unknown values, by JSON pointer within the ARM resource.
    var unknown: [String: String] = [:]

    init(_ translator: TerraformTranslator, _ index: Int) {
        self.translator = translator
        self.index = index
        let resource = translator.resources[index]
        root = TerraformScope(
            values: resource.values, unknown: resource.afterUnknown, expressions: resource.expressions, path: "",
            pointer: resource.pointer / "values")
    }

    var resource: TerraformResource { translator.resources[index] }
    var anchor: JSONNode { resource.values }

    /// The resource's ARM id.
    var id: String { translator.armIDs[index] ?? resource.address }

    // MARK: values

    /// An attribute's value (through `map` when given), or nil with the ARM pointer recorded as unknown when the
    /// attribute is unknown until apply.
    func value(
        _ scope: TerraformScope, _ key: String, _ pointer: JSONPointer, map: ((JSONNode) -> JSONNode?)? = nil
    ) -> JSONNode? {
        if let node = scope[key] { return map.map { $0(node) } ?? node }
        if scope.isUnknown(key) { unknown[pointer.description] = reason(scope, key) }
        return nil
    }

    /// The first of several attribute names that has a value (azurerm 3.x and 4.x names), or the unknown record.
    func value(
        _ scope: TerraformScope, _ keys: [String], _ pointer: JSONPointer, map: ((JSONNode) -> JSONNode?)? = nil
    ) -> JSONNode? {
        for key in keys where scope[key] != nil { return value(scope, key, pointer, map: map) }
        for key in keys where scope.isUnknown(key) { return value(scope, key, pointer, map: map) }
        return nil
    }

    /// A boolean attribute negated (`bgp_route_propagation_enabled` → `disableBgpRoutePropagation`).
    static func negated(_ node: JSONNode) -> JSONNode? { node.bool.map { JSONNode.make(.bool(!$0), at: node) } }

    /// The reason recorded for an unknown attribute.
    func reason(_ scope: TerraformScope, _ key: String) -> String {
        "\(TerraformTranslator.afterApply) (\(resource.address).\(scope.path(key)))"
    }

    /// The nested blocks of an attribute; when the whole list is unknown until apply (and `recordUnknown`), the
    /// ARM pointer is recorded as unknown.
    func blocks(_ scope: TerraformScope, _ key: String, _ pointer: JSONPointer, recordUnknown: Bool = true) -> [TerraformScope] {
        let blocks = scope.blocks(key)
        if blocks.isEmpty, recordUnknown, scope.isUnknown(key) { unknown[pointer.description] = reason(scope, key) }
        return blocks
    }

    /// Whether another translated resource has this id (an inline block that a resource of its own also declares).
    func declaredSeparately(_ id: String) -> Bool { translator.index(ofID: id).map { $0 != index } ?? false }

    // MARK: references

    /// The id an attribute holds: its value when known, otherwise the ARM id of the resource its configuration
    /// references name (a string node at the attribute's or the resource's position); nil, recorded as unknown at
    /// `pointer`, when neither.
    func idString(_ scope: TerraformScope, _ key: String, _ pointer: JSONPointer) -> JSONNode? {
        if let node = scope[key], node.string?.isEmpty == false { return node }
        let targets = translator.resolve(scope.references(key), moduleAddress: resource.moduleAddress, key: resource.key)
        if let target = targets.first, let id = translator.armIDs[target] {
            return JSONNode.make(.string(id), at: scope.expressions?[key] ?? scope.values)
        }
        if scope.isUnknown(key) { unknown[pointer.description] = reason(scope, key) }
        return nil
    }

    /// `{"id": …}` for an id attribute (see ``idString(_:_:_:)``).
    func id(_ scope: TerraformScope, _ key: String, _ pointer: JSONPointer) -> JSONNode? {
        guard let id = idString(scope, key, pointer / "id") else { return nil }
        return object(["id": id], at: id)
    }

    /// `[{"id": …}, …]` for a list of ids; unknown lists resolve through references.
    func ids(_ scope: TerraformScope, _ key: String, _ pointer: JSONPointer) -> JSONNode? {
        let targets = translator.resolve(scope.references(key), moduleAddress: resource.moduleAddress, key: resource.key)
            .compactMap { translator.armIDs[$0] }
        if let list = scope[key]?.array {
            var elements: [JSONNode] = []
            for (position, element) in list.enumerated() {
                if element.string?.isEmpty == false {
                    elements.append(object(["id": element], at: element))
                } else if targets.count == list.count {
                    elements.append(object(["id": .make(.string(targets[position]), at: element)], at: element))
                } else {
                    unknown[(pointer / position / "id").description] = reason(scope, key) + " [\(position)]"
                }
            }
            return .make(.array(elements), at: scope[key] ?? scope.values)
        }
        let ids = targets
        if !ids.isEmpty {
            let at = scope.expressions?[key] ?? scope.values
            return .make(.array(ids.map { object(["id": .make(.string($0), at: at)], at: at) }), at: at)
        }
        if scope.isUnknown(key) { unknown[pointer.description] = reason(scope, key) }
        return nil
    }

    // MARK: building

    /// An object of the given members in order, leaving out nil members; nil when every member is nil (unless
    /// `keepEmpty`).
    func object(_ members: KeyValuePairs<String, JSONNode?>, at anchor: JSONNode, keepEmpty: Bool = false) -> JSONNode? {
        JSONNode.object(members, at: anchor, keepEmpty: keepEmpty)
    }

    /// An object that is never nil (see ``object(_:at:keepEmpty:)``).
    func object(_ members: KeyValuePairs<String, JSONNode>, at anchor: JSONNode) -> JSONNode {
        var object = JSONObject()
        for (key, node) in members { object.set(key, node) }
        return .make(.object(object), at: anchor)
    }

    /// A string node at a position.
    func text(_ value: String, at node: JSONNode? = nil) -> JSONNode { .make(.string(value), at: node ?? anchor) }

    /// The resource with its properties and top-level members.
    func finish(type: String, name: String, properties: JSONNode?, top: KeyValuePairs<String, JSONNode?> = [:]) -> AzureResource {
        var topObject = JSONObject()
        if let group = root["resource_group_name"] { topObject.set("resourceGroup", group) }
        for (key, node) in top { if let node { topObject.set(key, node) } }
        if let tags = root["tags"], tags.object?.isEmpty == false { topObject.set("tags", tags) }
        if let zones = root["zones"], zones.array?.isEmpty == false { topObject.set("zones", zones) }
        return AzureResource(
            id: id, type: type, name: name, region: root.string("location"), properties: properties?.object ?? JSONObject(),
            top: topObject, source: resource.location(translator.file, id: id), unknown: unknown)
    }
}

extension JSONNode {
    /// A node with a value at another node's position (synthesized values point at the Terraform value they
    /// come from).
    static func make(_ value: JSONValue, at anchor: JSONNode) -> JSONNode {
        JSONNode(value, line: anchor.line, column: anchor.column, offset: anchor.offset)
    }

    /// An object of the non-nil members, or nil when there are none (unless `keepEmpty`).
    static func object(_ members: KeyValuePairs<String, JSONNode?>, at anchor: JSONNode, keepEmpty: Bool = false) -> JSONNode? {
        var object = JSONObject()
        for (key, node) in members { if let node { object.set(key, node) } }
        if object.isEmpty && !keepEmpty { return nil }
        return .make(.object(object), at: anchor)
    }
}

extension JSONObject {
    /// Sets a member: replaces the value of the member named exactly `key`, or appends one.
    mutating func set(_ key: String, _ node: JSONNode) {
        if let position = members.firstIndex(where: { $0.key == key }) {
            members[position].node = node
        } else {
            members.append(Member(key: key, keyLine: node.line, keyColumn: node.column, keyOffset: node.offset, node: node))
        }
    }

    /// Changes the object member `key` (created empty at `anchor` when absent or not an object).
    mutating func updateObject(_ key: String, at anchor: JSONNode, _ body: (inout JSONObject) -> Void) {
        var object = self[key]?.object ?? JSONObject()
        body(&object)
        set(key, .make(.object(object), at: self[key] ?? anchor))
    }

    /// Appends to the array member `key` (created at `anchor` when absent or not an array).
    mutating func append(_ key: String, _ element: JSONNode, at anchor: JSONNode) {
        var elements = self[key]?.array ?? []
        elements.append(element)
        set(key, .make(.array(elements), at: self[key] ?? anchor))
    }

    /// Changes each object element of the array member `key` for which `body` is called.
    mutating func updateElements(_ key: String, _ body: (inout JSONObject) -> Void) {
        guard let node = self[key], var elements = node.array else { return }
        for position in elements.indices {
            guard var object = elements[position].object else { continue }
            body(&object)
            elements[position] = .make(.object(object), at: elements[position])
        }
        set(key, .make(.array(elements), at: node))
    }
}
