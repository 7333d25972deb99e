/// Analysis switches (`options`), each defaulting to the documented Azure behaviour.
public struct AnalysisOptions: Sendable, Hashable {
    /// `strictForwardedTraffic`: drop forwarded traffic on peerings with `allowForwardedTraffic: false` (P2a).
    public var strictForwardedTraffic = false
    /// `allowPrivateDnat` (extension): let firewall DNAT rules match private destinations (F11, version-sensitive).
    public var allowPrivateDnat = false
    /// `appGatewayPrivateDeployment` (extension): the private App Gateway deployment relaxes A6 (version-sensitive).
    public var appGatewayPrivateDeployment = false
    /// `loadBalancerReplyTranslation` (extension): when the backend host restores a load-balanced reply to the
    /// frontend address (L2, an inference the docs do not state).
    public var loadBalancerReplyTranslation = LoadBalancerReplyTranslation.azurePath
    /// Creates the defaults.
    public init() {}
}

/// When the backend host undoes a load balancer's DNAT on the reply (L2).
public enum LoadBalancerReplyTranslation: String, Sendable, Hashable, CaseIterable {
    /// Only when the reply follows Azure's own path (system Internet, VNet, peering or gateway routes); a
    /// `VirtualAppliance` UDR carries it un-restored to the appliance. azure-semantics L2 as written.
    case azurePath
    /// Always, before the route lookup: the appliance sees the frontend address.
    case always
}
