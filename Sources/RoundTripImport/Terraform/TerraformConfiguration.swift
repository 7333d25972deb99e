import RoundTripCore

/// The plan's `configuration`: each resource's `expressions` (with their `references`) and each module call's, by
/// module call path, so values unknown until apply can be traced to the resources they come from.
struct TerraformConfiguration {
    /// Expressions by `callPath|mode|type.name`.
    private var resources: [String: JSONNode] = [:]
    /// Module calls (`{source, expressions, module}`) by the call path of the module they create.
    private var calls: [String: JSONNode] = [:]

    init(root: JSONNode?, file: String, errors: inout [Diagnostic]) {
        guard let root else { return }
        guard root.object != nil else {
            errors.append(
                Diagnostic(
                    .error, .wrongType, at: root.location(in: file, pointer: JSONPointer.root / "configuration"),
                    "configuration must be an object, found \(root.value.kindDescription)"))
            return
        }
        if let module = root["root_module"] { index(module, path: []) }
    }

    private mutating func index(_ module: JSONNode, path: [String]) {
        let prefix = path.joined(separator: ".")
        for resource in module["resources"]?.array ?? [] {
            guard let type = resource["type"]?.string, let name = resource["name"]?.string else { continue }
            let mode = resource["mode"]?.string ?? "managed"
            if let expressions = resource["expressions"] { resources["\(prefix)|\(mode)|\(type).\(name)"] = expressions }
        }
        for member in module["module_calls"]?.object?.members ?? [] {
            let childPath = path + [member.key]
            calls[childPath.joined(separator: ".")] = member.node
            if let child = member.node["module"] { index(child, path: childPath) }
        }
    }

    /// A resource's expressions.
    func expressions(callPath: [String], mode: String, type: String, name: String) -> JSONNode? {
        resources["\(callPath.joined(separator: "."))|\(mode)|\(type).\(name)"]
    }

    /// The module call that creates modules at `callPath`.
    func call(_ callPath: [String]) -> JSONNode? { calls[callPath.joined(separator: ".")] }

    /// The module call names of a module instance address (`["spoke", "inner"]` for
    /// `module.spoke[0].module.inner["a"]`).
    static func callPath(_ moduleAddress: String) -> [String] { instances(moduleAddress).map(\.name) }

    /// The module instances of an address, outermost first: call name and instance key as written (`[0]`, `["a"]`).
    static func instances(_ moduleAddress: String) -> [(name: String, key: String)] {
        var result: [(name: String, key: String)] = []
        var rest = Substring(moduleAddress)
        while rest.hasPrefix("module.") {
            rest = rest.dropFirst("module.".count)
            let name = rest.prefix { $0 != "." && $0 != "[" }
            rest = rest.dropFirst(name.count)
            var key = ""
            if rest.hasPrefix("[") {
                key = String(bracket(rest))
                rest = rest.dropFirst(key.count)
            }
            result.append((String(name), key))
            if rest.hasPrefix(".") { rest = rest.dropFirst() }
        }
        return result
    }

    /// The module instance address made of instances.
    static func address(_ instances: [(name: String, key: String)]) -> String {
        instances.map { "module.\($0.name)\($0.key)" }.joined(separator: ".")
    }

    /// The leading `[…]` of a text (quoted keys may hold `]`), or the whole text when unterminated.
    static func bracket(_ text: Substring) -> Substring {
        var inQuotes = false
        var escaped = false
        for index in text.indices {
            let character = text[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = inQuotes
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == "]", !inQuotes {
                return text[...index]
            }
        }
        return text
    }
}

/// A reference from a configuration expression to a resource, parsed from text such as
/// `azurerm_subnet.app[0].id`.
struct TerraformReference: Equatable {
    /// `managed` or `data`.
    var mode: String
    /// `azurerm_subnet`.
    var type: String
    /// `app`.
    var name: String
    /// `[0]`, `["a"]`, or empty when the reference names the resource as a whole.
    var key: String
    /// The attribute path after the resource (`id`), possibly empty.
    var attribute: String

    /// Parses a reference to a resource; nil for `var.`, `local.`, `module.`, `each.`, `count.`, `path.`, `self`.
    init?(_ text: String) {
        var parts = Substring(text)
        mode = "managed"
        if parts.hasPrefix("data.") {
            mode = "data"
            parts = parts.dropFirst(5)
        }
        let type = parts.prefix { $0 != "." }
        guard type.contains("_"), parts.count > type.count else { return nil }
        parts = parts.dropFirst(type.count + 1)
        let name = parts.prefix { $0 != "." && $0 != "[" }
        guard !name.isEmpty else { return nil }
        parts = parts.dropFirst(name.count)
        var key = ""
        if parts.hasPrefix("[") {
            key = String(TerraformConfiguration.bracket(parts))
            parts = parts.dropFirst(key.count)
            // A non-literal index (`[count.index]`) names no instance.
            if !(key.hasPrefix("[\"") || Int(key.dropFirst().dropLast()) != nil) { key = "" }
        }
        if parts.hasPrefix(".") { parts = parts.dropFirst() }
        self.type = String(type)
        self.name = String(name)
        self.key = key
        self.attribute = String(parts)
    }

    /// Variable name of a `var.NAME` reference.
    static func variable(_ text: String) -> String? {
        guard text.hasPrefix("var.") else { return nil }
        let name = text.dropFirst(4).prefix { $0 != "." && $0 != "[" }
        return name.isEmpty ? nil : String(name)
    }
}
