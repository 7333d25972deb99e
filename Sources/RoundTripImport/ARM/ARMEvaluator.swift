import RoundTripCore

/// A problem found while evaluating an expression, before its position in the file is attached.
struct ARMEvaluationError: Error, Sendable {
    var code: Diagnostic.Code
    var message: String
    var hint: String?

    init(_ code: Diagnostic.Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }
}

/// The placeholders that stand for the deployment's target: what `subscription()`, `resourceGroup()` and
/// `deployment()` return when a template is read offline.
struct ARMDeploymentContext: Sendable {
    var subscriptionID = "00000000-0000-0000-0000-000000000000"
    var tenantID = "00000000-0000-0000-0000-000000000000"
    var resourceGroup = "rg"
    var location = "westeurope"
    var deploymentName = "roundtrip"
}

/// One template's names: parameters (with the values given for them), variables and user-defined functions.
/// Parameters and variables are evaluated when first used and cached; a name met again while it is being evaluated
/// is a cycle.
final class ARMScope {
    struct Definition {
        var name: String
        var node: JSONNode
        var pointer: JSONPointer
        /// For a variable defined by a `variables.copy` loop: the loop's specification.
        var isCopyLoop = false
    }

    let context: ARMDeploymentContext
    let root: JSONNode
    let rootPointer: JSONPointer
    var parameters: [String: Definition] = [:]
    var given: [String: ARMValue] = [:]
    var variables: [String: Definition] = [:]
    var functions: [String: Definition] = [:]
    var cache: [String: ARMValue] = [:]
    var evaluating: Set<String> = []

    init(template root: JSONNode, pointer: JSONPointer, context: ARMDeploymentContext, given: [String: ARMValue]) {
        self.root = root
        self.rootPointer = pointer
        self.context = context
        for (key, value) in given { self.given[key.lowercased()] = value }
        if let members = root["parameters"]?.object {
            for member in members.members {
                parameters[member.key.lowercased()] = Definition(
                    name: member.key, node: member.node, pointer: pointer / "parameters" / member.key)
            }
        }
        if let members = root["variables"]?.object {
            for member in members.members {
                if member.key == "copy", let loops = member.node.array {
                    for (index, loop) in loops.enumerated() {
                        guard let name = loop["name"]?.string else { continue }
                        variables[name.lowercased()] = Definition(
                            name: name, node: loop, pointer: pointer / "variables" / "copy" / index, isCopyLoop: true)
                    }
                } else {
                    variables[member.key.lowercased()] = Definition(
                        name: member.key, node: member.node, pointer: pointer / "variables" / member.key)
                }
            }
        }
        for (index, namespace) in (root["functions"]?.array ?? []).enumerated() {
            guard let prefix = namespace["namespace"]?.string, let members = namespace["members"]?.object else { continue }
            for member in members.members {
                functions["\(prefix).\(member.key)".lowercased()] = Definition(
                    name: "\(prefix).\(member.key)", node: member.node, pointer: pointer / "functions" / index / "members" / member.key)
            }
        }
    }
}

/// Where an evaluation stands: the template scope, the copy loops around it (innermost last), lambda variables and,
/// inside a user-defined function, its arguments.
struct ARMFrame {
    var scope: ARMScope
    var loops: [(name: String?, index: Int, isResource: Bool)] = []
    var locals: [String: ARMValue] = [:]
    var arguments: [String: ARMValue]?

    func entering(loop name: String?, index: Int, isResource: Bool = false) -> ARMFrame {
        var frame = self
        frame.loops.append((name, index, isResource))
        return frame
    }
}

/// Evaluates ARM template JSON and expressions for one read: keeps the file, the resources found so far (for
/// `reference()`), the notes, and a depth budget so no template can exhaust the stack.
final class ARMEvaluator {
    /// The deepest nesting of JSON values, expressions, variables and nested deployments evaluated together.
    static let maximumDepth = 200

    /// The deepest nesting of inline deployments read.
    static let maximumDeploymentDepth = 32

    let file: String
    var depth = 0
    var deploymentDepth = 0
    var notes: [ImportSummary.Note] = []
    var resources: [ARMPendingResource] = []

    init(file: String) { self.file = file }

    func location(_ node: JSONNode, _ pointer: JSONPointer) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column, jsonPointer: pointer.description)
    }

    func fail(_ code: Diagnostic.Code, _ node: JSONNode, _ pointer: JSONPointer, _ message: String, hint: String? = nil) -> DesignError {
        DesignError([Diagnostic(.error, code, at: location(node, pointer), message, hint: hint)])
    }

    func enter(_ node: JSONNode, _ pointer: JSONPointer) throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw fail(
                .syntax, node, pointer, "the template nests values, expressions and variables deeper than \(Self.maximumDepth) levels")
        }
    }

    // MARK: - Template JSON

    /// A template value evaluated: expressions in strings replaced by their values, property `copy` loops expanded.
    func value(of node: JSONNode, at pointer: JSONPointer, in frame: ARMFrame) throws -> ARMValue {
        try enter(node, pointer)
        defer { depth -= 1 }
        switch node.value {
        case .string(let text): return try evaluate(text, node: node, at: pointer, in: frame)
        case .array(let elements):
            var values: [ARMValue] = []
            for (index, element) in elements.enumerated() { values.append(try value(of: element, at: pointer / index, in: frame)) }
            return .array(values)
        case .object(let object):
            var result = ARMObject()
            for member in object.members {
                if member.key == "copy", let loops = member.node.array {
                    for (index, loop) in loops.enumerated() {
                        let (name, values) = try propertyLoop(loop, at: pointer / "copy" / index, in: frame)
                        result.set(name, .array(values))
                    }
                } else {
                    result.set(member.key, try value(of: member.node, at: pointer / member.key, in: frame))
                }
            }
            return .object(result)
        default: return ARMValue(json: node)
        }
    }

    /// A template value evaluated into JSON with positions: literal values keep their own, values computed by an
    /// expression take the expression's. Unknown values are left out and recorded in `unknowns` by `output` pointer.
    func tree(
        of node: JSONNode, at pointer: JSONPointer, output: JSONPointer, in frame: ARMFrame, unknowns: inout [String: String]
    ) throws -> JSONNode? {
        try enter(node, pointer)
        defer { depth -= 1 }
        switch node.value {
        case .string(let text):
            guard case .expression = ARMTemplateString(text) else {
                return try value(of: node, at: pointer, in: frame).node(
                    line: node.line, column: node.column, offset: node.offset, pointer: output, expression: text, unknowns: &unknowns)
            }
            let result = try evaluate(text, node: node, at: pointer, in: frame)
            return result.node(
                line: node.line, column: node.column, offset: node.offset, pointer: output, expression: text, unknowns: &unknowns)
        case .array(let elements):
            var nodes: [JSONNode] = []
            for (index, element) in elements.enumerated() {
                let child = try tree(of: element, at: pointer / index, output: output / index, in: frame, unknowns: &unknowns)
                nodes.append(child ?? JSONNode(.null, line: element.line, column: element.column, offset: element.offset))
            }
            return JSONNode(.array(nodes), line: node.line, column: node.column, offset: node.offset)
        case .object(let object):
            var members: [JSONObject.Member] = []
            for member in object.members {
                if member.key == "copy", let loops = member.node.array {
                    for (index, loop) in loops.enumerated() {
                        let loopPointer = pointer / "copy" / index
                        let (name, values) = try propertyLoop(loop, at: loopPointer, in: frame, output: output, unknowns: &unknowns)
                        let array = JSONNode(.array(values), line: loop.line, column: loop.column, offset: loop.offset)
                        members.removeAll { JSONObject.equalIgnoringCase($0.key, name) }
                        members.append(
                            JSONObject.Member(key: name, keyLine: loop.line, keyColumn: loop.column, keyOffset: loop.offset, node: array))
                    }
                    continue
                }
                guard
                    let child = try tree(
                        of: member.node, at: pointer / member.key, output: output / member.key, in: frame, unknowns: &unknowns)
                else { continue }
                var copy = member
                copy.node = child
                members.append(copy)
            }
            return JSONNode(.object(JSONObject(members)), line: node.line, column: node.column, offset: node.offset)
        default: return node
        }
    }

    /// The `name` and `count` of a property or variable copy loop, checked.
    func loopHeader(_ loop: JSONNode, at pointer: JSONPointer, in frame: ARMFrame) throws -> (name: String, count: Int, input: JSONNode) {
        guard let name = loop["name"]?.string else { throw fail(.missingField, loop, pointer, "a copy loop needs a \"name\"") }
        guard let input = loop["input"] else { throw fail(.missingField, loop, pointer, "the copy loop '\(name)' needs an \"input\"") }
        guard let countNode = loop["count"] else { throw fail(.missingField, loop, pointer, "the copy loop '\(name)' needs a \"count\"") }
        let count = try self.count(of: countNode, at: pointer / "count", in: frame)
        return (name, count, input)
    }

    /// A copy count: a known integer from 0 to 800.
    func count(of node: JSONNode, at pointer: JSONPointer, in frame: ARMFrame) throws -> Int {
        switch try value(of: node, at: pointer, in: frame) {
        case .int(let count) where (0...800).contains(count): return count
        case .int(let count): throw fail(.outOfRange, node, pointer, "a copy count must be from 0 to 800, not \(count)")
        case .unknown(let reason):
            throw fail(.badValue, node, pointer, "the copy count must be known before deployment, but it depends on \(reason)")
        case let other: throw fail(.wrongType, node, pointer, "a copy count must be an integer, not \(other.kind)")
        }
    }

    private func propertyLoop(_ loop: JSONNode, at pointer: JSONPointer, in frame: ARMFrame) throws -> (String, [ARMValue]) {
        let (name, count, input) = try loopHeader(loop, at: pointer, in: frame)
        var values: [ARMValue] = []
        for index in 0..<count { values.append(try value(of: input, at: pointer / "input", in: frame.entering(loop: name, index: index))) }
        return (name, values)
    }

    private func propertyLoop(
        _ loop: JSONNode, at pointer: JSONPointer, in frame: ARMFrame, output: JSONPointer, unknowns: inout [String: String]
    ) throws -> (String, [JSONNode]) {
        let (name, count, input) = try loopHeader(loop, at: pointer, in: frame)
        var nodes: [JSONNode] = []
        for index in 0..<count {
            let inner = frame.entering(loop: name, index: index)
            let node = try tree(of: input, at: pointer / "input", output: output / name / index, in: inner, unknowns: &unknowns)
            nodes.append(node ?? JSONNode(.null, line: input.line, column: input.column, offset: input.offset))
        }
        return (name, nodes)
    }

    // MARK: - Expressions

    /// A template string's value: the literal text, or the expression evaluated. Errors name the string's position.
    func evaluate(_ text: String, node: JSONNode, at pointer: JSONPointer, in frame: ARMFrame) throws -> ARMValue {
        guard case .expression(let source) = ARMTemplateString(text) else {
            if case .literal(let literal) = ARMTemplateString(text) { return .string(literal) }
            return .string(text)
        }
        let expression: ARMExpression
        do {
            expression = try ARMExpressionParser.parse(source)
        } catch {
            throw fail(
                .syntax, node, pointer, "malformed template expression: \(error.message) at character \(error.offset + 2) of \(text)")
        }
        do {
            return try eval(expression, in: frame)
        } catch let error as ARMEvaluationError {
            throw fail(error.code, node, pointer, "\(error.message) in \(text)", hint: error.hint)
        }
    }

    /// An expression's value.
    func eval(_ expression: ARMExpression, in frame: ARMFrame) throws -> ARMValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw ARMEvaluationError(.syntax, "expressions and variables nest deeper than \(Self.maximumDepth) levels")
        }
        switch expression {
        case .string(let text): return .string(text)
        case .int(let number): return .int(number)
        case .bool(let flag): return .bool(flag)
        case .member(let base, let name): return try member(of: try eval(base, in: frame), name, expression: expression)
        case .index(let base, let indexExpression):
            let container = try eval(base, in: frame)
            let index = try eval(indexExpression, in: frame)
            return try element(of: container, index, expression: expression)
        case .call(let name, let arguments): return try call(name, arguments, expression: expression, in: frame)
        }
    }

    func member(of value: ARMValue, _ name: String, expression: ARMExpression) throws -> ARMValue {
        switch value {
        case .unknown: return value
        case .object(let object):
            if let found = object[name] { return found }
            if let reason = object.openReason { return .unknown("\(reason).\(name)") }
            throw ARMEvaluationError(
                .unknownReference, "the object has no property '\(name)' (it has \(object.keys.joined(separator: ", ")))")
        default: throw ARMEvaluationError(.wrongType, "'.\(name)' needs an object, but \(expression) reads \(value.kind)")
        }
    }

    func element(of container: ARMValue, _ index: ARMValue, expression: ARMExpression) throws -> ARMValue {
        switch (container, index) {
        case (.unknown, _): return container
        case (_, .unknown): return index
        case (.array(let elements), .int(let position)):
            guard elements.indices.contains(position) else {
                throw ARMEvaluationError(.outOfRange, "index \(position) is outside the array of \(elements.count) elements")
            }
            return elements[position]
        case (.object, .string(let key)): return try member(of: container, key, expression: expression)
        default: throw ARMEvaluationError(.wrongType, "cannot index \(container.kind) with \(index.kind)")
        }
    }
}
