import Foundation
import RoundTripCore

/// Reads an Azure Resource Manager deployment template — hand-written, the portal's "Export template" output, or
/// compiled by `az bicep build` — into the resources it would deploy, evaluated offline.
///
/// Parameters take their `defaultValue` unless a parameters file gives a value; variables, copy loops (resource,
/// property and variable loops), conditions, child resources and inline nested deployments are evaluated. Values that
/// exist only once deployed (`reference()` to a resource outside the template or to a property Azure sets, `list*()`)
/// are unknown: recorded in ``AzureResource/unknown`` by JSON pointer with the expression, never guessed. The
/// subscription, resource group and location are placeholders: subscription `00000000-0000-0000-0000-000000000000`,
/// resource group `rg`, location `westeurope`; `uniqueString()` and `guid()` give stable stand-ins, not Azure's values.
public enum ARMTemplateReader {
    /// Evaluates a template into the resources it deploys.
    ///
    /// - Parameters:
    ///   - data: the template (JSON; `//` and `/* */` comments allowed, as ARM allows them).
    ///   - file: the path to name in diagnostics and source locations.
    ///   - parameters: a parameters file (`{"parameters": {"name": {"value": …}}}`) whose values override defaults.
    ///   - parametersFile: the parameters file's path, for diagnostics.
    /// - Returns: the resources in template order (copies expanded, child resources after their parent, nested
    ///   deployments' resources in place of the deployment) and notes on what was passed over: resources whose
    ///   condition is false, `existing` resources, linked templates.
    /// - Throws: ``DesignError`` naming `file:line:column` of the expression or value that cannot be evaluated.
    public static func read(
        _ data: Data, file: String, parameters: Data? = nil, parametersFile: String? = nil
    ) throws(DesignError) -> (resources: [AzureResource], notes: [ImportSummary.Note]) {
        do {
            let root = try JSONParser.parse(data, file: file, allowComments: true)
            let evaluator = ARMEvaluator(file: file)
            guard root.object != nil else {
                throw evaluator.fail(.wrongType, root, .root, "a template is a JSON object, not \(root.value.kindDescription)")
            }
            var given: [String: ARMValue] = [:]
            if let parameters {
                given = try parameterValues(parameters, file: parametersFile ?? "parameters.json", template: root)
            }
            let scope = ARMScope(template: root, pointer: .root, context: ARMDeploymentContext(), given: given)
            try evaluator.expand(template: root, at: .root, frame: ARMFrame(scope: scope), target: scope.context)
            var resources: [AzureResource] = []
            for pending in evaluator.resources where pending.produces { resources.append(try evaluator.materialize(pending)) }
            return (resources, evaluator.notes)
        } catch let error as DesignError {
            throw error
        } catch {
            throw DesignError([Diagnostic(.error, .syntax, at: SourceLocation(file: file, line: 1, column: 1), "\(error)")])
        }
    }

    /// Whether a JSON document is a deployment template: its `$schema` names `deploymentTemplate.json`, or it has both
    /// `resources` and `contentVersion`.
    public static func looksLikeTemplate(_ json: JSONNode) -> Bool {
        guard let object = json.object else { return false }
        if let schema = object["$schema"]?.string, schema.lowercased().contains("deploymenttemplate.json") { return true }
        return object["resources"] != nil && object["contentVersion"] != nil
    }

    /// The values a parameters file gives, checked against the template's parameters.
    static func parameterValues(_ data: Data, file: String, template: JSONNode) throws -> [String: ARMValue] {
        let root = try JSONParser.parse(data, file: file, allowComments: true)
        let sink = ARMEvaluator(file: file)
        let members: JSONObject
        let base: JSONPointer
        if let wrapped = root["parameters"]?.object {
            members = wrapped
            base = .root / "parameters"
        } else if let object = root.object {
            members = object
            base = .root
        } else {
            throw sink.fail(.wrongType, root, .root, "a parameters file is a JSON object with \"parameters\"")
        }
        let defined = template["parameters"]?.object
        var values: [String: ARMValue] = [:]
        for member in members.members where !member.key.hasPrefix("$") && member.key != "contentVersion" {
            let pointer = base / member.key
            guard defined?.member(forKeyIgnoringCase: member.key) != nil else {
                let known = defined?.keys.joined(separator: ", ") ?? "none"
                throw sink.fail(
                    .unknownReference, member.node, pointer, "the template defines no parameter '\(member.key)'",
                    hint: "parameters: \(known)")
            }
            if let value = member.node["value"] {
                values[member.key] = ARMValue(json: value)
            } else if member.node["reference"] != nil {
                values[member.key] = .unknown("parameters('\(member.key)') is a Key Vault reference")
            } else {
                throw sink.fail(.missingField, member.node, pointer, "the parameter '\(member.key)' needs a \"value\"")
            }
        }
        return values
    }
}

/// A resource found while expanding a template, evaluated into an ``AzureResource`` when first needed (its own turn,
/// or a `reference()` from another resource).
final class ARMPendingResource {
    enum State {
        case pending
        case evaluating
        case done(AzureResource)
    }

    let type: String
    let fullName: String
    let id: String
    let symbolicName: String?
    let node: JSONNode
    let pointer: JSONPointer
    let frame: ARMFrame
    /// Whether the template deploys it (false for `existing` resources and nested deployments).
    var produces = true
    /// For a nested deployment: the scope its template's outputs are evaluated in.
    var deployment: (scope: ARMScope, template: JSONNode, pointer: JSONPointer)?
    var state = State.pending

    init(type: String, fullName: String, id: String, symbolicName: String?, node: JSONNode, pointer: JSONPointer, frame: ARMFrame) {
        self.type = type
        self.fullName = fullName
        self.id = id
        self.symbolicName = symbolicName
        self.node = node
        self.pointer = pointer
        self.frame = frame
    }
}

extension ARMEvaluator {
    /// Top-level resource members that are not copied into ``AzureResource/top``.
    static let structuralMembers: Set<String> = [
        "type", "name", "location", "properties", "dependson", "copy", "condition", "resources", "comments", "existing",
    ]

    /// The resource evaluated: properties, location and other members, with unknown values recorded.
    func materialize(_ pending: ARMPendingResource) throws -> AzureResource {
        switch pending.state {
        case .done(let resource): return resource
        case .evaluating:
            throw fail(.badValue, pending.node, pending.pointer, "the resource '\(pending.fullName)' refers to itself through reference()")
        case .pending: break
        }
        pending.state = .evaluating
        defer { if case .evaluating = pending.state { pending.state = .pending } }
        var unknowns: [String: String] = [:]
        var properties = JSONObject()
        var top = JSONObject()
        var region: String?
        for member in pending.node.object?.members ?? [] {
            let key = member.key.lowercased()
            let pointer = pending.pointer / member.key
            if key == "properties" {
                let node = try tree(of: member.node, at: pointer, output: .root / "properties", in: pending.frame, unknowns: &unknowns)
                properties = node?.object ?? JSONObject()
            } else if key == "location" {
                switch try value(of: member.node, at: pointer, in: pending.frame) {
                case .string(let location): region = location
                case .unknown(let reason):
                    unknowns["/location"] = ARMValue.unknownText(expression: member.node.string ?? "", reason: reason)
                default: break
                }
            } else if !Self.structuralMembers.contains(key) {
                guard let node = try tree(of: member.node, at: pointer, output: .root / member.key, in: pending.frame, unknowns: &unknowns)
                else { continue }
                top.members.append(
                    JSONObject.Member(
                        key: member.key, keyLine: member.keyLine, keyColumn: member.keyColumn, keyOffset: member.keyOffset, node: node))
            }
        }
        let name = pending.fullName.split(separator: "/").last.map(String.init) ?? pending.fullName
        let source = SourceLocation(
            file: file, line: pending.node.line, column: pending.node.column, resourceID: pending.id,
            jsonPointer: pending.pointer.description)
        let resource = AzureResource(
            id: pending.id, type: pending.type, name: name, region: region, properties: properties, top: top, source: source,
            unknown: unknowns)
        pending.state = .done(resource)
        return resource
    }

    /// `reference(resource, [apiVersion], ['Full'])` and `resourceInfo(symbolicName)`: the static properties of a
    /// resource the template defines (members Azure sets at deployment are unknown); anything else is unknown.
    func reference(_ arguments: [ARMExpression], expression: ARMExpression, in frame: ARMFrame) throws -> ARMValue {
        guard (1...3).contains(arguments.count) else { throw ARMEvaluationError(.badValue, "reference() takes 1 to 3 arguments") }
        var values: [ARMValue] = []
        for argument in arguments { values.append(try eval(argument, in: frame)) }
        let reason = expression.description
        guard case .string(let target) = values[0] else {
            if values[0].firstUnknown != nil { return .unknown(reason) }
            throw ARMEvaluationError(.wrongType, "reference() takes a resource id or name, not \(values[0].kind)")
        }
        let full = values.count == 3 && values[2] == .string("Full") || values.count == 3 && values[2] == .string("full")
        guard let pending = find(target, from: frame) else { return .unknown(reason) }
        if expression.functionName == "resourceinfo" {
            return .object(
                ARMObject(keys: ["id", "name", "type"], values: [.string(pending.id), .string(pending.fullName), .string(pending.type)]))
        }
        if let deployment = pending.deployment {
            var outputs = ARMObject()
            for member in deployment.template["outputs"]?.object?.members ?? [] {
                guard let valueNode = member.node["value"] else { continue }
                let pointer = deployment.pointer / "outputs" / member.key / "value"
                let value = try self.value(of: valueNode, at: pointer, in: ARMFrame(scope: deployment.scope))
                outputs.set(
                    member.key, .object(ARMObject(keys: ["type", "value"], values: [.string(member.node["type"]?.string ?? ""), value])))
            }
            return .object(ARMObject(keys: ["outputs"], values: [.object(outputs)]).opened(reason))
        }
        guard pending.produces else { return .unknown(reason) }
        let resource = try materialize(pending)
        var properties = ARMValue(json: JSONNode(.object(resource.properties), line: 0, column: 0, offset: 0))
        if case .object(let object) = properties { properties = .object(object.opened(reason)) }
        guard full else { return properties }
        var object = ARMObject(
            keys: ["id", "name", "type", "properties"],
            values: [.string(resource.id), .string(pending.fullName), .string(resource.type), properties])
        if let region = resource.region { object.set("location", .string(region)) }
        for member in resource.top.members { object.set(member.key, ARMValue(json: member.node)) }
        return .object(object.opened(reason))
    }

    /// The resource a `reference()` names: by id, by symbolic name, or by name (its own template's first).
    private func find(_ target: String, from frame: ARMFrame) -> ARMPendingResource? {
        if target.hasPrefix("/") {
            let wanted = target.lowercased()
            return resources.first { $0.id.lowercased() == wanted }
        }
        let sameScope = resources.filter { $0.frame.scope === frame.scope }
        if let symbolic = sameScope.first(where: { $0.symbolicName.map { JSONObject.equalIgnoringCase($0, target) } ?? false }) {
            return symbolic
        }
        return sameScope.first { JSONObject.equalIgnoringCase($0.fullName, target) }
            ?? resources.first { JSONObject.equalIgnoringCase($0.fullName, target) }
    }
}
