import RoundTripCore

/// A JSON object inside an Azure resource (its properties, or a child element's), read leniently the way ARM reads
/// it — member names and enum values in any case, scalars where lists are expected — and strictly about types: a
/// value of the wrong type is an error at its location, never a trap or a silent default.
struct AzureProps {
    /// The object.
    let object: JSONObject
    /// Where the object stands in its document.
    let pointer: JSONPointer
    /// The resource the object belongs to.
    let resource: AzureResource
    /// Where problems go.
    let context: AzureBuildContext

    /// The resource's properties.
    init(properties resource: AzureResource, context: AzureBuildContext) {
        let base = resource.propertiesPointer ?? ((resource.source.jsonPointer ?? "") + "/properties")
        self.init(object: resource.properties, pointer: JSONPointer(base) ?? .root, resource: resource, context: context)
    }

    init(object: JSONObject, pointer: JSONPointer, resource: AzureResource, context: AzureBuildContext) {
        self.object = object
        self.pointer = pointer
        self.resource = resource
        self.context = context
    }

    /// A member's value and pointer (nil when absent or null).
    func member(_ key: String) -> (node: JSONNode, pointer: JSONPointer)? {
        guard let member = object.member(forKeyIgnoringCase: key), !member.node.isNull else { return nil }
        return (member.node, pointer / member.key)
    }

    /// Whether the member is present and not null.
    func has(_ key: String) -> Bool { member(key) != nil }

    /// The location of a node in this object's resource.
    func location(_ node: JSONNode?, _ pointer: JSONPointer) -> SourceLocation {
        SourceLocation(
            file: resource.source.file, line: node?.line ?? resource.source.line, column: node?.column ?? resource.source.column,
            resourceID: resource.id, jsonPointer: pointer.description)
    }

    /// Where a member's value stands (the object's own location when absent).
    func location(_ key: String) -> SourceLocation {
        guard let (node, pointer) = member(key) else { return location }
        return location(node, pointer)
    }

    /// Where the object stands: the first member's name, or the resource when empty.
    var location: SourceLocation {
        let first = object.members.first
        return SourceLocation(
            file: resource.source.file, line: first?.keyLine ?? resource.source.line,
            column: first?.keyColumn ?? resource.source.column, resourceID: resource.id, jsonPointer: pointer.description)
    }

    /// A source map for an element read from this object, with the given fields' locations (RoundTrip field name →
    /// Azure member name).
    func sourceMap(_ fields: [String: String] = [:], at element: SourceLocation? = nil) -> SourceMap {
        var map = SourceMap(element: element ?? location)
        for (field, key) in fields where has(key) { map.fields[field] = location(key) }
        return map
    }

    func wrongType(_ node: JSONNode, _ pointer: JSONPointer, expected: String) {
        context.error(
            .wrongType, at: location(node, pointer), "'\(pointer.tokens.last ?? "")' is \(node.value.kindDescription); expected \(expected)"
        )
    }

    /// A string member (numbers are taken as their text).
    func string(_ key: String) -> String? {
        guard let (node, pointer) = member(key) else { return nil }
        if let text = node.string { return text }
        if let text = node.numberText { return text }
        wrongType(node, pointer, expected: "a string")
        return nil
    }

    /// A boolean member (`"true"` and `"false"` in any case are accepted, as ARM does).
    func bool(_ key: String) -> Bool? {
        guard let (node, pointer) = member(key) else { return nil }
        if let flag = node.bool { return flag }
        if let text = node.string?.lowercased(), text == "true" || text == "false" { return text == "true" }
        wrongType(node, pointer, expected: "true or false")
        return nil
    }

    /// An integer member (numeric strings are accepted).
    func int(_ key: String) -> Int? {
        guard let (node, pointer) = member(key) else { return nil }
        if let number = node.int { return number }
        if let text = node.string, let number = Int(text.trimmingWhitespace) { return number }
        wrongType(node, pointer, expected: "an integer")
        return nil
    }

    /// A port member (0–65535), reported when out of range.
    func port(_ key: String) -> UInt16? {
        guard let number = int(key) else { return nil }
        guard let port = UInt16(exactly: number) else {
            context.error(.outOfRange, at: location(key), "'\(key)' \(number) is not a port (0–65535)")
            return nil
        }
        return port
    }

    /// An object member.
    func object(_ key: String) -> AzureProps? {
        guard let (node, pointer) = member(key) else { return nil }
        guard let object = node.object else {
            wrongType(node, pointer, expected: "an object")
            return nil
        }
        return AzureProps(object: object, pointer: pointer, resource: resource, context: context)
    }

    /// The objects of a list member (a single object is taken as a list of one).
    func objects(_ key: String) -> [AzureProps] {
        guard let (node, pointer) = member(key) else { return [] }
        if let object = node.object { return [AzureProps(object: object, pointer: pointer, resource: resource, context: context)] }
        guard let elements = node.array else {
            wrongType(node, pointer, expected: "a list of objects")
            return []
        }
        return elements.enumerated().compactMap { index, element in
            if element.isNull { return nil }
            guard let object = element.object else {
                wrongType(element, pointer / index, expected: "an object")
                return nil
            }
            return AzureProps(object: object, pointer: pointer / index, resource: resource, context: context)
        }
    }

    /// The strings of a list member, with their locations (a scalar is a list of one; objects give their
    /// `ipAddress`, `fqdn` or `addressPrefix`).
    func strings(_ key: String) -> [(text: String, location: SourceLocation)] {
        guard let (node, pointer) = member(key) else { return [] }
        func one(_ node: JSONNode, _ pointer: JSONPointer) -> (String, SourceLocation)? {
            if let text = node.string ?? node.numberText { return (text, location(node, pointer)) }
            if let object = node.object {
                let props = AzureProps(object: object, pointer: pointer, resource: resource, context: context)
                for key in ["ipAddress", "fqdn", "addressPrefix", "id"] {
                    if let text = props.string(key) { return (text, props.location(key)) }
                }
            }
            if !node.isNull { wrongType(node, pointer, expected: "a string") }
            return nil
        }
        guard let elements = node.array else { return one(node, pointer).map { [$0] } ?? [] }
        return elements.enumerated().compactMap { one($1, pointer / $0) }
    }

    /// A reference member (`{"id": "…"}` or the id as a string), as a normalized resource id.
    func ref(_ key: String) -> String? {
        guard let (node, pointer) = member(key) else { return nil }
        if let text = node.string { return AzureResourceID.normalize(text) }
        guard let object = node.object else {
            wrongType(node, pointer, expected: "an object with 'id'")
            return nil
        }
        return AzureProps(object: object, pointer: pointer, resource: resource, context: context).string("id").map(
            AzureResourceID.normalize)
    }

    /// The references of a list member (`[{"id": "…"}]`), as normalized resource ids.
    func refs(_ key: String) -> [String] { strings(key).map { AzureResourceID.normalize($0.text) } }

    /// A child element's own properties: its `properties` object, or itself when `az` flattened it.
    var properties: AzureProps { object(forChild: "properties") ?? self }

    private func object(forChild key: String) -> AzureProps? { has(key) ? object(key) : nil }

    /// An IPv4 address member, reported when malformed.
    func address(_ key: String) -> IPv4Address? {
        guard let text = string(key) else { return nil }
        return context.address(text, at: location(key))
    }

    /// A prefix list member (a scalar is a list of one); IPv6 prefixes are noted and left out.
    func prefixes(_ key: String) -> [IPv4Prefix] {
        strings(key).compactMap { context.prefix($0.text, at: $0.location, resource: resource) }
    }
}
