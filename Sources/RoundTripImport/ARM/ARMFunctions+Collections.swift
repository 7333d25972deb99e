import RoundTripCore

/// Array and object functions, and the lambda functions (`map`, `filter`, `reduce`, …).
extension ARMEvaluator {
    /// The largest array `range()` builds.
    static let maximumRange = 10_000

    func collectionFunction(_ lower: String, _ args: ARMArguments) throws -> ARMValue? {
        switch lower {
        case "array":
            try args.expect(1...1)
            if case .array = args[0] { return args[0] }
            return .array([args[0]])
        case "createarray": return .array(args.values)
        case "createobject":
            guard args.count % 2 == 0 else { throw ARMEvaluationError(.badValue, "createObject() takes names and values in pairs") }
            var object = ARMObject()
            for index in stride(from: 0, to: args.count, by: 2) {
                if case .unknown(let reason) = args[index] { return .unknown(reason) }
                object.set(try args.string(index), args[index + 1])
            }
            return .object(object)
        case "union":
            try args.expectAtLeast(1)
            if let reason = args.values.lazy.compactMap({ $0.isUnknown }).first { return .unknown(reason) }
            if case .array = args[0] {
                var result: [ARMValue] = []
                for index in 0..<args.count {
                    for element in try args.array(index) where !result.contains(where: { Self.same($0, element) }) {
                        result.append(element)
                    }
                }
                return .array(result)
            }
            var result = ARMObject()
            for index in 0..<args.count { result = Self.merge(result, try args.object(index)) }
            return .object(result)
        case "intersection":
            try args.expectAtLeast(2)
            if case .array = args[0] {
                var result = try args.array(0)
                for index in 1..<args.count {
                    let other = try args.array(index)
                    result = result.filter { element in other.contains { Self.same($0, element) } }
                }
                return .array(result)
            }
            var result = try args.object(0)
            for index in 1..<args.count {
                let other = try args.object(index)
                let keep = zip(result.keys, result.values).filter { key, value in other[key].map { Self.same($0, value) } ?? false }
                result = ARMObject(keys: keep.map(\.0), values: keep.map(\.1))
            }
            return .object(result)
        case "items":
            try args.expect(1...1)
            let object = try args.object(0)
            let pairs = zip(object.keys, object.values).sorted { $0.0.lowercased() < $1.0.lowercased() }
            return .array(pairs.map { .object(ARMObject(keys: ["key", "value"], values: [.string($0.0), $0.1])) })
        case "objectkeys":
            try args.expect(1...1)
            return .array(try args.object(0).keys.map(ARMValue.string))
        case "shallowmerge":
            try args.expect(1...1)
            var result = ARMObject()
            for element in try args.array(0) {
                guard case .object(let object) = element else { throw args.wrong(0, "an array of objects") }
                for (key, value) in zip(object.keys, object.values) { result.set(key, value) }
            }
            return .object(result)
        case "flatten":
            try args.expect(1...1)
            return .array(
                try args.array(0).flatMap { element -> [ARMValue] in
                    guard case .array(let inner) = element else { throw args.wrong(0, "an array of arrays") }
                    return inner
                })
        case "range":
            try args.expect(2...2)
            let start = try args.int(0)
            let count = try args.int(1)
            guard (0...Self.maximumRange).contains(count), start.addingReportingOverflow(count).overflow == false else {
                throw ARMEvaluationError(.outOfRange, "range() builds at most \(Self.maximumRange) integers, not \(count)")
            }
            return .array((start..<(start + count)).map(ARMValue.int))
        case "trygetvalue", "tryget":
            try args.expectAtLeast(2)
            var current = args[0]
            for index in 1..<args.count {
                switch (current, args[index]) {
                case (.object(let object), .string(let key)): current = object[key] ?? .null
                case (.array(let elements), .int(let position)): current = elements.indices.contains(position) ? elements[position] : .null
                default: return .null
                }
            }
            return current
        default: return try sequenceFunction(lower, args)
        }
    }

    /// Functions over strings and arrays alike.
    private func sequenceFunction(_ lower: String, _ args: ARMArguments) throws -> ARMValue? {
        switch lower {
        case "length":
            try args.expect(1...1)
            switch args[0] {
            case .string(let text): return .int(text.count)
            case .array(let elements): return .int(elements.count)
            case .object(let object): return .int(object.keys.count)
            default: throw args.wrong(0, "a string, an array or an object")
            }
        case "empty":
            try args.expect(1...1)
            switch args[0] {
            case .null: return .bool(true)
            case .string(let text): return .bool(text.isEmpty)
            case .array(let elements): return .bool(elements.isEmpty)
            case .object(let object): return .bool(object.keys.isEmpty)
            default: throw args.wrong(0, "a string, an array or an object")
            }
        case "first", "last":
            try args.expect(1...1)
            switch args[0] {
            case .string(let text): return .string((lower == "first" ? text.first : text.last).map(String.init) ?? "")
            case .array(let elements): return (lower == "first" ? elements.first : elements.last) ?? .null
            default: throw args.wrong(0, "a string or an array")
            }
        case "take", "skip":
            try args.expect(2...2)
            let count = max(0, try args.int(1))
            switch args[0] {
            case .string(let text): return .string(String(lower == "take" ? text.prefix(count) : text.dropFirst(count)))
            case .array(let elements): return .array(Array(lower == "take" ? elements.prefix(count) : elements.dropFirst(count)))
            default: throw args.wrong(0, "a string or an array")
            }
        case "contains":
            try args.expect(2...2)
            switch args[0] {
            case .string(let text): return .bool(text.contains(args[1].displayText))
            case .array(let elements): return .bool(elements.contains { Self.same($0, args[1]) })
            case .object(let object): return .bool(object[try args.string(1)] != nil)
            default: throw args.wrong(0, "a string, an array or an object")
            }
        case "indexof", "lastindexof":
            try args.expect(2...2)
            switch args[0] {
            case .string(let text):
                let haystack = Array(text.lowercased())
                let needle = Array(try args.string(1).lowercased())
                guard needle.count <= haystack.count else { return .int(-1) }
                let starts = Array(0...(haystack.count - needle.count))
                let match = (lower == "indexof" ? starts : starts.reversed()).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
                return .int(match ?? -1)
            case .array(let elements):
                let match =
                    lower == "indexof" ? elements.firstIndex { Self.same($0, args[1]) } : elements.lastIndex { Self.same($0, args[1]) }
                return .int(match ?? -1)
            default: throw args.wrong(0, "a string or an array")
            }
        default: return nil
        }
    }

    /// Objects merged as `union()` merges them: later members win, nested objects merge.
    static func merge(_ base: ARMObject, _ other: ARMObject) -> ARMObject {
        var result = base
        for (key, value) in zip(other.keys, other.values) {
            if case .object(let mine) = result[key] ?? .null, case .object(let theirs) = value {
                result.set(key, .object(merge(mine, theirs)))
            } else {
                result.set(key, value)
            }
        }
        return result
    }

    // MARK: - Lambdas

    /// `lambda('x', 'y', body)` read from its expression: the variable names and the body.
    private func lambda(_ expression: ARMExpression, arity: ClosedRange<Int>, function: String) throws -> ([String], ARMExpression) {
        guard case .call(let name, let arguments) = expression, name.lowercased() == "lambda", let body = arguments.last else {
            throw ARMEvaluationError(.wrongType, "\(function)() needs a lambda(…) argument, not \(expression)")
        }
        var names: [String] = []
        for argument in arguments.dropLast() {
            guard case .string(let variable) = argument else { throw ARMEvaluationError(.wrongType, "lambda() variable names are strings") }
            names.append(variable.lowercased())
        }
        guard arity.contains(names.count) else {
            throw ARMEvaluationError(
                .badValue, "the lambda of \(function)() takes \(arity.lowerBound)–\(arity.upperBound) variables, not \(names.count)")
        }
        return (names, body)
    }

    private func apply(_ lambda: ([String], ARMExpression), _ values: [ARMValue], in frame: ARMFrame) throws -> ARMValue {
        var inner = frame
        for (name, value) in zip(lambda.0, values) { inner.locals[name] = value }
        return try eval(lambda.1, in: inner)
    }

    func lambdaFunction(_ lower: String, _ arguments: [ARMExpression], expression: ARMExpression, in frame: ARMFrame) throws -> ARMValue {
        let wanted = lower == "reduce" || lower == "toobject" ? 2...3 : 2...2
        guard wanted.contains(arguments.count) else {
            throw ARMEvaluationError(
                .badValue, "\(lower)() takes \(wanted.lowerBound)–\(wanted.upperBound) arguments, not \(arguments.count)")
        }
        let input = try eval(arguments[0], in: frame)
        if let reason = input.firstUnknown { return .unknown(reason) }
        if lower == "mapvalues" {
            guard case .object(let object) = input else { throw ARMEvaluationError(.wrongType, "mapValues() needs an object") }
            let function = try lambda(arguments[1], arity: 1...1, function: lower)
            return .object(ARMObject(keys: object.keys, values: try object.values.map { try apply(function, [$0], in: frame) }))
        }
        guard case .array(let elements) = input else {
            throw ARMEvaluationError(.wrongType, "\(lower)() needs an array, not \(input.kind)")
        }
        switch lower {
        case "map", "filter":
            let function = try lambda(arguments[1], arity: 1...2, function: lower)
            var result: [ARMValue] = []
            for (index, element) in elements.enumerated() {
                let value = try apply(function, [element, .int(index)], in: frame)
                if lower == "map" {
                    result.append(value)
                } else {
                    switch value {
                    case .bool(true): result.append(element)
                    case .bool(false): continue
                    case .unknown(let reason): return .unknown(reason)
                    default: throw ARMEvaluationError(.wrongType, "the lambda of filter() must return a boolean, not \(value.kind)")
                    }
                }
            }
            return .array(result)
        case "reduce":
            guard arguments.count == 3 else { throw ARMEvaluationError(.badValue, "reduce() takes 3 arguments") }
            var accumulator = try eval(arguments[1], in: frame)
            let function = try lambda(arguments[2], arity: 2...3, function: lower)
            for (index, element) in elements.enumerated() {
                accumulator = try apply(function, [accumulator, element, .int(index)], in: frame)
            }
            return accumulator
        case "sort":
            let function = try lambda(arguments[1], arity: 2...2, function: lower)
            var sorted: [ARMValue] = []
            for element in elements {
                var position = sorted.count
                for (index, existing) in sorted.enumerated() where try apply(function, [element, existing], in: frame) == .bool(true) {
                    position = index
                    break
                }
                sorted.insert(element, at: position)
            }
            return .array(sorted)
        case "groupby":
            let function = try lambda(arguments[1], arity: 1...1, function: lower)
            var groups = ARMObject()
            for element in elements {
                let key = try apply(function, [element], in: frame)
                guard case .string(let name) = key else {
                    throw ARMEvaluationError(.wrongType, "the lambda of groupBy() must return a string")
                }
                if case .array(let members) = groups[name] ?? .null {
                    groups.set(name, .array(members + [element]))
                } else {
                    groups.set(name, .array([element]))
                }
            }
            return .object(groups)
        default:
            let keyFunction = try lambda(arguments[1], arity: 1...1, function: lower)
            let valueFunction = arguments.count == 3 ? try lambda(arguments[2], arity: 1...1, function: lower) : nil
            var object = ARMObject()
            for element in elements {
                let key = try apply(keyFunction, [element], in: frame)
                guard case .string(let name) = key else {
                    throw ARMEvaluationError(.wrongType, "the key lambda of toObject() must return a string")
                }
                object.set(name, try valueFunction.map { try apply($0, [element], in: frame) } ?? element)
            }
            return .object(object)
        }
    }
}

extension ARMValue {
    /// The reason when this value itself is unknown.
    var isUnknown: String? {
        if case .unknown(let reason) = self { return reason }
        return nil
    }
}
