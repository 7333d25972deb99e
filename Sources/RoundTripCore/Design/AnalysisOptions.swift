/// Analysis switches (`options`), each defaulting to the documented Azure behaviour.
public struct AnalysisOptions: Sendable, Hashable {
    /// `strictForwardedTraffic`: drop forwarded traffic on peerings with `allowForwardedTraffic: false` (P2a).
    public var strictForwardedTraffic = false
    /// `allowPrivateDnat` (extension): let firewall DNAT rules match private destinations (F11, version-sensitive).
    public var allowPrivateDnat = false
    /// `appGatewayPrivateDeployment` (extension): the private App Gateway deployment relaxes A6 (version-sensitive).
    public var appGatewayPrivateDeployment = false
    /// `loadBalancerReplyTranslation` (extension): when the backend host restores a load-balanced reply to the
    /// frontend address. Default `always`: before the route lookup (L2 as corrected in azure-semantics §16 C1).
    public var loadBalancerReplyTranslation = LoadBalancerReplyTranslation.always
    /// Creates the defaults.
    public init() {}
}

/// When the backend host undoes a load balancer's DNAT on the reply (L2).
public enum LoadBalancerReplyTranslation: String, Sendable, Hashable, CaseIterable {
    /// Only when the reply follows Azure's own path (system Internet, VNet, peering or gateway routes); a
    /// `VirtualAppliance` UDR carries it un-restored to the appliance. L2 as first written; kept as an option.
    case azurePath
    /// Always, at the backend's host before the route lookup: an appliance on the way sees the frontend address
    /// (L2 as corrected, §16 C1: Azure Load Balancer is Ananta, whose host agent does the NAT). The default.
    case always
}
