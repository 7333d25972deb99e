/// A design-level finding not tied to one flow.
public struct ConfigFinding: Sendable, Hashable {
    /// Stable code (`gateway-subnet-default-route`, `missing-reverse-peering`, …).
    public var code: String
    /// Whether flows that touch the element are `unsupported-config`.
    public var unsupported: Bool
    /// What is wrong.
    public var message: String
    /// The rule it rests on (`R16`, `A6`, …).
    public var rule: String
    /// Where.
    public var location: SourceLocation
    /// Subnets whose traffic is affected.
    public var subnets: [Int]
    /// Suggested change.
    public var hint: String?
    /// The element the unsupported configuration belongs to (the gateway, App Gateway, firewall or node pool whose
    /// subnet is misconfigured): a flow that touches it is `unsupported-config` there (§16 D11).
    public var element: Node? = nil
}
