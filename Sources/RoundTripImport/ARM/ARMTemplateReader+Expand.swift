import RoundTripCore

/// Expanding a template's resources: copy loops, conditions, child resources, nested deployments.
extension ARMEvaluator {
    /// The parent of a child resource declared inside it.
    struct Parent {
        var type: String
        var name: String
    }

    /// Registers the resources of a template (top-level array, or the symbolic-name object of languageVersion 2.0).
    func expand(template: JSONNode, at pointer: JSONPointer, frame: ARMFrame, target: ARMDeploymentContext) throws {
        guard let resources = template["resources"] else { return }
        switch resources.value {
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                try expand(
                    resource: element, at: pointer / "resources" / index, symbolicName: nil, frame: frame, target: target, parent: nil)
            }
        case .object(let members):
            for member in members.members {
                try expand(
                    resource: member.node, at: pointer / "resources" / member.key, symbolicName: member.key, frame: frame, target: target,
                    parent: nil)
            }
        default:
            throw fail(
                .wrongType, resources, pointer / "resources",
                "\"resources\" must be an array (or an object of symbolic names), not \(resources.value.kindDescription)")
        }
    }

    private func expand(
        resource node: JSONNode, at pointer: JSONPointer, symbolicName: String?, frame: ARMFrame, target: ARMDeploymentContext,
        parent: Parent?
    ) throws {
        try enter(node, pointer)
        defer { depth -= 1 }
        guard node.object != nil else {
            throw fail(.wrongType, node, pointer, "a resource is a JSON object, not \(node.value.kindDescription)")
        }
        guard let copy = node["copy"] else {
            return try expandOne(resource: node, at: pointer, symbolicName: symbolicName, frame: frame, target: target, parent: parent)
        }
        guard copy.object != nil else {
            throw fail(.wrongType, copy, pointer / "copy", "a resource's \"copy\" is an object with \"name\" and \"count\"")
        }
        guard let countNode = copy["count"] else {
            throw fail(.missingField, copy, pointer / "copy", "the resource copy loop needs a \"count\"")
        }
        let count = try self.count(of: countNode, at: pointer / "copy" / "count", in: frame)
        let loopName = try copy["name"].map { try value(of: $0, at: pointer / "copy" / "name", in: frame) }
        var name: String?
        if case .string(let text) = loopName { name = text }
        for index in 0..<count {
            let inner = frame.entering(loop: name, index: index, isResource: true)
            try expandOne(resource: node, at: pointer, symbolicName: symbolicName, frame: inner, target: target, parent: parent)
        }
    }

    private func knownString(
        _ node: JSONNode?, _ field: String, at pointer: JSONPointer, in frame: ARMFrame, owner: JSONNode
    ) throws -> String {
        guard let node else { throw fail(.missingField, owner, pointer, "the resource has no \"\(field)\"") }
        switch try value(of: node, at: pointer / field, in: frame) {
        case .string(let text) where !text.isEmpty: return text
        case .unknown(let reason):
            throw fail(
                .badValue, node, pointer / field, "the resource \(field) must be known before deployment, but it depends on \(reason)")
        case let other: throw fail(.wrongType, node, pointer / field, "the resource \(field) must be a non-empty string, not \(other.kind)")
        }
    }

    private func expandOne(
        resource node: JSONNode, at pointer: JSONPointer, symbolicName: String?, frame: ARMFrame, target: ARMDeploymentContext,
        parent: Parent?
    ) throws {
        var type = try knownString(node["type"], "type", at: pointer, in: frame, owner: node)
        var name = try knownString(node["name"], "name", at: pointer, in: frame, owner: node)
        if let parent {
            if !type.contains("/") { type = parent.type + "/" + type }
            if !name.contains("/") { name = parent.name + "/" + name }
        }
        let id: String
        do {
            id =
                "/subscriptions/\(target.subscriptionID)/resourceGroups/\(target.resourceGroup)/providers/"
                + (try Self.providerPath(type, [name]))
        } catch let error as ARMEvaluationError {
            throw fail(
                error.code, node["name"] ?? node, pointer / "name", "the name '\(name)' does not fit the type \(type): \(error.message)")
        }
        let pending = ARMPendingResource(
            type: type, fullName: name, id: id, symbolicName: symbolicName, node: node, pointer: pointer, frame: frame)
        let location = SourceLocation(file: file, line: node.line, column: node.column, resourceID: id, jsonPointer: pointer.description)
        if let condition = node["condition"] {
            let skip: String?
            switch try value(of: condition, at: pointer / "condition", in: frame) {
            case .bool(true): skip = nil
            case .bool(false): skip = "condition false"
            case .unknown(let reason): skip = "condition cannot be known before deployment: \(reason)"
            case let other: throw fail(.wrongType, condition, pointer / "condition", "a condition must be a boolean, not \(other.kind)")
            }
            if let skip {
                notes.append(ImportSummary.Note(resource: id, what: type, reason: skip, location: location))
                return
            }
        }
        resources.append(pending)
        if node["existing"]?.bool == true {
            pending.produces = false
            notes.append(
                ImportSummary.Note(
                    resource: id, what: type, reason: "existing resource: referenced, not deployed by the template", location: location))
            return
        }
        if JSONObject.equalIgnoringCase(type, "Microsoft.Resources/deployments") {
            pending.produces = false
            try expandDeployment(pending, target: target, location: location)
        }
        guard let children = node["resources"]?.array else { return }
        for (index, child) in children.enumerated() {
            try expand(
                resource: child, at: pointer / "resources" / index, symbolicName: nil, frame: frame, target: target,
                parent: Parent(type: type, name: name))
        }
    }

    /// An inline nested deployment: its template's resources, evaluated in the inner scope (its own parameters, given by
    /// the deployment) or the outer one (the parent's). A linked template is noted and passed over.
    private func expandDeployment(_ pending: ARMPendingResource, target: ARMDeploymentContext, location: SourceLocation) throws {
        let pointer = pending.pointer / "properties"
        let frame = pending.frame
        guard let properties = pending.node["properties"] else {
            throw fail(.missingField, pending.node, pending.pointer, "the deployment '\(pending.fullName)' has no \"properties\"")
        }
        if let link = properties["templateLink"] {
            let uri = (try? value(of: link["uri"] ?? link["id"] ?? link, at: pointer / "templateLink", in: frame)).map(\.displayText)
            notes.append(
                ImportSummary.Note(
                    resource: pending.id, what: "Microsoft.Resources/deployments",
                    reason: "linked template not read (templateLink \(uri ?? "?")): give its resources as a template of their own",
                    location: location))
            return
        }
        guard let template = properties["template"], template.object != nil else {
            throw fail(
                .missingField, properties, pointer, "the deployment '\(pending.fullName)' has neither \"template\" nor \"templateLink\"")
        }
        deploymentDepth += 1
        defer { deploymentDepth -= 1 }
        guard deploymentDepth <= Self.maximumDeploymentDepth else {
            throw fail(.syntax, pending.node, pending.pointer, "deployments are nested deeper than \(Self.maximumDeploymentDepth) levels")
        }
        var inner = target
        inner.deploymentName = pending.fullName
        if let group = pending.node["resourceGroup"] {
            inner.resourceGroup = try knownString(group, "resourceGroup", at: pending.pointer, in: frame, owner: pending.node)
        }
        if let subscription = pending.node["subscriptionId"] {
            inner.subscriptionID = try knownString(subscription, "subscriptionId", at: pending.pointer, in: frame, owner: pending.node)
        }
        let scopeName = properties["expressionEvaluationOptions"]?["scope"]?.string?.lowercased() ?? "outer"
        let templatePointer = pointer / "template"
        guard scopeName == "inner" else {
            pending.deployment = (frame.scope, template, templatePointer)
            return try expand(template: template, at: templatePointer, frame: ARMFrame(scope: frame.scope), target: inner)
        }
        var given: [String: ARMValue] = [:]
        let defined = template["parameters"]?.object
        for member in properties["parameters"]?.object?.members ?? [] {
            let parameterPointer = pointer / "parameters" / member.key
            guard defined?.member(forKeyIgnoringCase: member.key) != nil else {
                throw fail(.unknownReference, member.node, parameterPointer, "the nested template defines no parameter '\(member.key)'")
            }
            if let valueNode = member.node["value"] {
                given[member.key] = try value(of: valueNode, at: parameterPointer / "value", in: frame)
            } else if member.node["reference"] != nil {
                given[member.key] = .unknown("parameters('\(member.key)') is a Key Vault reference")
            } else {
                throw fail(.missingField, member.node, parameterPointer, "the parameter '\(member.key)' needs a \"value\"")
            }
        }
        let scope = ARMScope(template: template, pointer: templatePointer, context: inner, given: given)
        pending.deployment = (scope, template, templatePointer)
        try expand(template: template, at: templatePointer, frame: ARMFrame(scope: scope), target: inner)
    }
}
