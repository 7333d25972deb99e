import RoundTripCore

/// Resource ids, the deployment's placeholders (`resourceGroup()`, `subscription()`, `deployment()`) and CIDR functions.
extension ARMEvaluator {
    func resourceFunction(_ lower: String, _ args: ARMArguments, in frame: ARMFrame) throws -> ARMValue? {
        let context = frame.scope.context
        switch lower {
        case "resourceid":
            try args.expectAtLeast(2)
            let strings = try (0..<args.count).map { try args.string($0) }
            guard let typeIndex = strings.firstIndex(where: { $0.contains("/") }), typeIndex <= 2 else {
                throw ARMEvaluationError(.badValue, "resourceId() needs a resource type such as 'Microsoft.Network/virtualNetworks'")
            }
            let subscription = typeIndex == 2 ? strings[0] : context.subscriptionID
            let group = typeIndex >= 1 ? strings[typeIndex - 1] : context.resourceGroup
            let path = try Self.providerPath(strings[typeIndex], Array(strings[(typeIndex + 1)...]))
            return .string("/subscriptions/\(subscription)/resourceGroups/\(group)/providers/\(path)")
        case "subscriptionresourceid":
            try args.expectAtLeast(2)
            let strings = try (0..<args.count).map { try args.string($0) }
            let typeIndex = strings[0].contains("/") ? 0 : 1
            let subscription = typeIndex == 1 ? strings[0] : context.subscriptionID
            let path = try Self.providerPath(strings[typeIndex], Array(strings[(typeIndex + 1)...]))
            return .string("/subscriptions/\(subscription)/providers/\(path)")
        case "tenantresourceid":
            try args.expectAtLeast(2)
            let strings = try (0..<args.count).map { try args.string($0) }
            return .string("/providers/" + (try Self.providerPath(strings[0], Array(strings.dropFirst()))))
        case "extensionresourceid":
            try args.expectAtLeast(3)
            let strings = try (0..<args.count).map { try args.string($0) }
            return .string(strings[0] + "/providers/" + (try Self.providerPath(strings[1], Array(strings.dropFirst(2)))))
        case "resourcegroup":
            try args.expect(0...0)
            return .object(
                ARMObject(
                    keys: ["id", "name", "type", "location", "properties"],
                    values: [
                        .string("/subscriptions/\(context.subscriptionID)/resourceGroups/\(context.resourceGroup)"),
                        .string(context.resourceGroup), .string("Microsoft.Resources/resourceGroups"), .string(context.location),
                        .object(ARMObject(keys: ["provisioningState"], values: [.string("Succeeded")])),
                    ], openReason: "resourceGroup()"))
        case "subscription":
            try args.expect(0...0)
            return .object(
                ARMObject(
                    keys: ["id", "subscriptionId", "tenantId"],
                    values: [
                        .string("/subscriptions/\(context.subscriptionID)"), .string(context.subscriptionID), .string(context.tenantID),
                    ],
                    openReason: "subscription()"))
        case "tenant":
            try args.expect(0...0)
            return .object(ARMObject(keys: ["tenantId"], values: [.string(context.tenantID)], openReason: "tenant()"))
        case "deployment":
            try args.expect(0...0)
            return .object(ARMObject(keys: ["name"], values: [.string(context.deploymentName)], openReason: "deployment()"))
        case "cidrsubnet":
            try args.expect(3...3)
            let network = try Self.cidr(try args.string(0))
            let length = try args.int(1)
            let index = try args.int(2)
            guard (network.length...32).contains(length) else {
                throw ARMEvaluationError(.outOfRange, "cidrSubnet(): the new prefix length \(length) must be from \(network.length) to 32")
            }
            let count = 1 << (length - network.length)
            guard (0..<count).contains(index) else {
                throw ARMEvaluationError(
                    .outOfRange, "cidrSubnet(): \(args[0].displayText) has \(count) /\(length) subnets; index \(index) is beyond them")
            }
            let base = UInt64(network.address) + UInt64(index) << UInt64(32 - length)
            return .string("\(Self.dotted(UInt32(truncatingIfNeeded: base)))/\(length)")
        case "cidrhost":
            try args.expect(2...2)
            let network = try Self.cidr(try args.string(0))
            let index = try args.int(1)
            let size = UInt64(1) << UInt64(32 - network.length)
            let usable = network.length >= 31 ? size : size - 2
            guard index >= 0, UInt64(index) < usable else {
                throw ARMEvaluationError(
                    .outOfRange, "cidrHost(): \(args[0].displayText) has \(usable) usable addresses; index \(index) is beyond them")
            }
            let offset = network.length >= 31 ? UInt64(index) : UInt64(index) + 1
            return .string(Self.dotted(UInt32(truncatingIfNeeded: UInt64(network.address) + offset)))
        case "parsecidr":
            try args.expect(1...1)
            let network = try Self.cidr(try args.string(0))
            let size = UInt64(1) << UInt64(32 - network.length)
            let broadcast = UInt32(truncatingIfNeeded: UInt64(network.address) + size - 1)
            let small = network.length >= 31
            return .object(
                ARMObject(
                    keys: ["network", "netmask", "broadcast", "firstUsable", "lastUsable", "cidr"],
                    values: [
                        .string(Self.dotted(network.address)),
                        .string(Self.dotted(network.length == 0 ? 0 : ~UInt32(0) << UInt32(32 - network.length))),
                        .string(Self.dotted(broadcast)), .string(Self.dotted(small ? network.address : network.address + 1)),
                        .string(Self.dotted(small ? broadcast : broadcast - 1)), .int(network.length),
                    ]))
        default: return nil
        }
    }

    /// `Microsoft.Network/virtualNetworks/subnets` with names `hub`, `app`: `Microsoft.Network/virtualNetworks/hub/subnets/app`.
    /// A name may hold several segments (`hub/app`).
    static func providerPath(_ type: String, _ names: [String]) throws -> String {
        let typeSegments = type.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let nameSegments = names.flatMap { $0.split(separator: "/", omittingEmptySubsequences: false).map(String.init) }
        guard typeSegments.count >= 2, !typeSegments.contains(where: \.isEmpty) else {
            throw ARMEvaluationError(.badValue, "'\(type)' is not a resource type (Namespace/type)")
        }
        guard nameSegments.count == typeSegments.count - 1, !nameSegments.contains(where: \.isEmpty) else {
            throw ARMEvaluationError(
                .badValue,
                "the resource type \(type) needs \(typeSegments.count - 1) name segment\(typeSegments.count == 2 ? "" : "s"), not \(nameSegments.count)"
            )
        }
        var path = typeSegments[0]
        for (typeSegment, name) in zip(typeSegments.dropFirst(), nameSegments) { path += "/\(typeSegment)/\(name)" }
        return path
    }

    /// An IPv4 CIDR range: its network address (host bits cleared) and length.
    static func cidr(_ text: String) throws -> (address: UInt32, length: Int) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let length = Int(parts[1]), (0...32).contains(length), let address = address(String(parts[0])) else {
            if text.contains(":") { throw ARMEvaluationError(.badAddress, "IPv6 ranges ('\(text)') are not evaluated by RoundTrip") }
            throw ARMEvaluationError(.badAddress, "'\(text)' is not an IPv4 range in CIDR notation (10.0.0.0/16)")
        }
        let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << UInt32(32 - length)
        return (address & mask, length)
    }

    static func address(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard octet.count <= 3, let byte = UInt8(octet) else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }

    static func dotted(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 255).\(value >> 8 & 255).\(value & 255)"
    }
}
