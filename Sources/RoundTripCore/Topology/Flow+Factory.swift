extension Flow {
    /// The address an example Internet client uses where a design names none (203.0.113.10, TEST-NET-3, RFC 5737).
    public static let representativeInternetClient = IPv4Address(203, 0, 113, 10)
    /// The client's source port wherever a design does not set one.
    public static let representativeSourcePort: UInt16 = 50000

    /// A flow RoundTrip builds itself (exhaustive representatives, assertion templates, required egress), with the
    /// representative source port and no expectation.
    public static func synthesized(
        name: String, fromText: String, toText: String, from: FlowEnd, to: FlowEnd, fqdn: String? = nil, port: UInt16,
        protocolType: TransportProtocol, description: String? = nil, source: SourceMap
    ) -> Flow {
        Flow(
            name: name, fromText: fromText, toText: toText, from: from, to: to, fqdn: fqdn, port: port,
            sourcePort: representativeSourcePort, protocolType: protocolType, expect: nil, expectDroppedAt: nil,
            expectEgressIP: nil, description: description, source: source)
    }
}
