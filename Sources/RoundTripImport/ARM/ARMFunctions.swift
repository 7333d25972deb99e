import Foundation
import RoundTripCore

/// The evaluated arguments of one function call, with typed access that explains what was expected.
struct ARMArguments {
    let name: String
    let values: [ARMValue]

    var count: Int { values.count }
    subscript(index: Int) -> ARMValue { values[index] }

    func expect(_ range: ClosedRange<Int>) throws {
        guard range.contains(values.count) else {
            let wanted = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            throw ARMEvaluationError(
                .badValue, "\(name)() takes \(wanted) argument\(range.upperBound == 1 ? "" : "s"), not \(values.count)")
        }
    }

    func expectAtLeast(_ minimum: Int) throws {
        guard values.count >= minimum else {
            throw ARMEvaluationError(
                .badValue, "\(name)() takes at least \(minimum) argument\(minimum == 1 ? "" : "s"), not \(values.count)")
        }
    }

    func wrong(_ index: Int, _ expected: String) -> ARMEvaluationError {
        ARMEvaluationError(.wrongType, "argument \(index + 1) of \(name)() must be \(expected), not \(values[index].kind)")
    }

    func string(_ index: Int) throws -> String {
        guard case .string(let text) = values[index] else { throw wrong(index, "a string") }
        return text
    }

    func int(_ index: Int) throws -> Int {
        guard case .int(let number) = values[index] else { throw wrong(index, "an integer") }
        return number
    }

    func bool(_ index: Int) throws -> Bool {
        guard case .bool(let flag) = values[index] else { throw wrong(index, "a boolean") }
        return flag
    }

    func array(_ index: Int) throws -> [ARMValue] {
        guard case .array(let elements) = values[index] else { throw wrong(index, "an array") }
        return elements
    }

    func object(_ index: Int) throws -> ARMObject {
        guard case .object(let object) = values[index] else { throw wrong(index, "an object") }
        return object
    }
}

extension ARMEvaluator {
    /// Functions that build structure around their arguments: an unknown argument stays an unknown element or member
    /// instead of making the whole result unknown.
    static let structural: Set<String> = ["createarray", "createobject", "array", "coalesce", "union", "concat"]

    /// ARM functions that exist but whose values depend on the deployment (or are not evaluated offline): unknown.
    static let deploymentTimeFunctions: Set<String> = [
        "reference", "list", "environment", "newguid", "utcnow", "pickzones", "managementgroup", "managementgroupresourceid",
        "deployer", "providers", "datetimeadd", "datetimefromepoch", "datetimetoepoch", "getsecret", "externalinput",
        "loadtextcontent", "float",
    ]

    func call(_ name: String, _ arguments: [ARMExpression], expression: ARMExpression, in frame: ARMFrame) throws -> ARMValue {
        let lower = name.lowercased()
        if let value = try lazyFunction(lower, arguments, expression: expression, in: frame) { return value }
        if lower.contains(".") { return try userFunction(name, arguments, in: frame) }
        var values: [ARMValue] = []
        for argument in arguments { values.append(try eval(argument, in: frame)) }
        let args = ARMArguments(name: name, values: values)
        if lower.hasPrefix("list") || Self.deploymentTimeFunctions.contains(lower) {
            return .unknown(expression.description)
        }
        if !Self.structural.contains(lower), let reason = values.lazy.compactMap(\.firstUnknown).first {
            return .unknown(reason)
        }
        if let value = try scalarFunction(lower, args) { return value }
        if let value = try collectionFunction(lower, args) { return value }
        if let value = try resourceFunction(lower, args, in: frame) { return value }
        throw ARMEvaluationError(.unknownReference, "'\(name)' is not a template function RoundTrip knows")
    }

    /// Functions that decide which arguments to evaluate: `if`, `parameters`, `variables`, `copyIndex`, `reference`, the
    /// lambda functions. Nil for the others.
    private func lazyFunction(
        _ lower: String, _ arguments: [ARMExpression], expression: ARMExpression, in frame: ARMFrame
    ) throws -> ARMValue? {
        switch lower {
        case "if":
            guard arguments.count == 3 else { throw ARMEvaluationError(.badValue, "if() takes 3 arguments, not \(arguments.count)") }
            switch try eval(arguments[0], in: frame) {
            case .bool(let flag): return try eval(arguments[flag ? 1 : 2], in: frame)
            case .unknown(let reason): return .unknown(reason)
            case let other: throw ARMEvaluationError(.wrongType, "the condition of if() must be a boolean, not \(other.kind)")
            }
        case "and", "or":
            guard arguments.count >= 2 else { throw ARMEvaluationError(.badValue, "\(lower)() takes at least 2 arguments") }
            var unknown: ARMValue?
            for argument in arguments {
                switch try eval(argument, in: frame) {
                case .bool(let flag) where flag == (lower == "or"): return .bool(flag)
                case .bool: continue
                case .unknown(let reason): unknown = unknown ?? .unknown(reason)
                case let other: throw ARMEvaluationError(.wrongType, "the arguments of \(lower)() must be booleans, not \(other.kind)")
                }
            }
            return unknown ?? .bool(lower == "and")
        case "coalesce":
            for argument in arguments {
                let value = try eval(argument, in: frame)
                if value != .null { return value }
            }
            return .null
        case "parameters": return try parameter(try nameArgument(lower, arguments, in: frame), in: frame)
        case "variables": return try variable(try nameArgument(lower, arguments, in: frame), in: frame)
        case "lambdavariables":
            let name = try nameArgument(lower, arguments, in: frame)
            guard let value = frame.locals[name.lowercased()] else {
                throw ARMEvaluationError(.unknownReference, "no lambda variable '\(name)' is in scope")
            }
            return value
        case "copyindex": return try copyIndex(arguments, in: frame)
        case "reference", "resourceinfo": return try reference(arguments, expression: expression, in: frame)
        case "map", "filter", "reduce", "sort", "toobject", "mapvalues", "groupby":
            return try lambdaFunction(lower, arguments, expression: expression, in: frame)
        case "lambda": throw ARMEvaluationError(.badValue, "lambda() can only be an argument of map(), filter(), reduce() and the like")
        default: return nil
        }
    }

    private func nameArgument(_ function: String, _ arguments: [ARMExpression], in frame: ARMFrame) throws -> String {
        guard arguments.count == 1 else { throw ARMEvaluationError(.badValue, "\(function)() takes 1 argument, not \(arguments.count)") }
        switch try eval(arguments[0], in: frame) {
        case .string(let name): return name
        case .unknown(let reason):
            throw ARMEvaluationError(.badValue, "the name given to \(function)() must be known before deployment, not \(reason)")
        case let other: throw ARMEvaluationError(.wrongType, "\(function)() takes a name (a string), not \(other.kind)")
        }
    }

    private func copyIndex(_ arguments: [ARMExpression], in frame: ARMFrame) throws -> ARMValue {
        var values: [ARMValue] = []
        for argument in arguments { values.append(try eval(argument, in: frame)) }
        let args = ARMArguments(name: "copyIndex", values: values)
        try args.expect(0...2)
        var loopName: String?
        var offset = 0
        if args.count == 2 {
            loopName = try args.string(0)
            offset = try args.int(1)
        } else if args.count == 1 {
            if case .string(let name) = args[0] { loopName = name } else { offset = try args.int(0) }
        }
        let loop: (name: String?, index: Int, isResource: Bool)?
        if let loopName {
            loop = frame.loops.last { $0.name.map { JSONObject.equalIgnoringCase($0, loopName) } ?? false }
            guard loop != nil else {
                throw ARMEvaluationError(.unknownReference, "copyIndex('\(loopName)') is not inside a copy loop of that name")
            }
        } else {
            loop = frame.loops.last { $0.isResource } ?? frame.loops.last
            guard loop != nil else { throw ARMEvaluationError(.badValue, "copyIndex() is used outside a copy loop") }
        }
        let (result, overflow) = (loop?.index ?? 0).addingReportingOverflow(offset)
        guard !overflow else { throw ARMEvaluationError(.outOfRange, "copyIndex() offset \(offset) overflows 64 bits") }
        return .int(result)
    }

    func parameter(_ name: String, in frame: ARMFrame) throws -> ARMValue {
        let key = name.lowercased()
        if let arguments = frame.arguments {
            guard let value = arguments[key] else { throw ARMEvaluationError(.unknownReference, "the function has no parameter '\(name)'") }
            return value
        }
        let scope = frame.scope
        guard let definition = scope.parameters[key] else {
            let known = scope.parameters.values.map(\.name).sorted().joined(separator: ", ")
            throw ARMEvaluationError(
                .unknownReference, "the template defines no parameter '\(name)'", hint: known.isEmpty ? nil : "parameters: \(known)")
        }
        if let value = scope.given[key] { return value }
        if let cached = scope.cache["p:" + key] { return cached }
        guard let defaultValue = definition.node["defaultValue"] else {
            return .unknown("parameters('\(definition.name)') has no value: give it in a parameters file")
        }
        guard scope.evaluating.insert("p:" + key).inserted else {
            throw ARMEvaluationError(.badValue, "the default value of parameter '\(definition.name)' refers to itself")
        }
        defer { scope.evaluating.remove("p:" + key) }
        let value = try self.value(of: defaultValue, at: definition.pointer / "defaultValue", in: ARMFrame(scope: scope))
        scope.cache["p:" + key] = value
        return value
    }

    func variable(_ name: String, in frame: ARMFrame) throws -> ARMValue {
        let key = name.lowercased()
        let scope = frame.scope
        guard let definition = scope.variables[key] else {
            let known = scope.variables.values.map(\.name).sorted().joined(separator: ", ")
            throw ARMEvaluationError(
                .unknownReference, "the template defines no variable '\(name)'", hint: known.isEmpty ? nil : "variables: \(known)")
        }
        if let cached = scope.cache["v:" + key] { return cached }
        guard scope.evaluating.insert("v:" + key).inserted else {
            throw ARMEvaluationError(.badValue, "variable '\(definition.name)' refers to itself (directly or through other variables)")
        }
        defer { scope.evaluating.remove("v:" + key) }
        let value: ARMValue
        if definition.isCopyLoop {
            let (loopName, count, input) = try loopHeader(definition.node, at: definition.pointer, in: ARMFrame(scope: scope))
            var values: [ARMValue] = []
            for index in 0..<count {
                let inner = ARMFrame(scope: scope).entering(loop: loopName, index: index)
                values.append(try self.value(of: input, at: definition.pointer / "input", in: inner))
            }
            value = .array(values)
        } else {
            value = try self.value(of: definition.node, at: definition.pointer, in: ARMFrame(scope: scope))
        }
        scope.cache["v:" + key] = value
        return value
    }

    /// A user-defined function (`namespace.name(…)`): its output evaluated with its parameters bound.
    private func userFunction(_ name: String, _ arguments: [ARMExpression], in frame: ARMFrame) throws -> ARMValue {
        guard let definition = frame.scope.functions[name.lowercased()] else {
            throw ARMEvaluationError(.unknownReference, "the template defines no function '\(name)'")
        }
        let parameters = definition.node["parameters"]?.array ?? []
        guard parameters.count == arguments.count else {
            throw ARMEvaluationError(.badValue, "\(name)() takes \(parameters.count) arguments, not \(arguments.count)")
        }
        var bound: [String: ARMValue] = [:]
        for (parameter, argument) in zip(parameters, arguments) {
            guard let parameterName = parameter["name"]?.string else { continue }
            bound[parameterName.lowercased()] = try eval(argument, in: frame)
        }
        guard let output = definition.node["output"]?["value"] else {
            throw ARMEvaluationError(.missingField, "the function '\(name)' has no output value")
        }
        var inner = ARMFrame(scope: frame.scope)
        inner.arguments = bound
        return try value(of: output, at: definition.pointer / "output" / "value", in: inner)
    }
}
