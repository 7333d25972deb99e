/// A user-defined route that covered a packet's destination but lost to a more specific route (R18) or to a VNet or
/// peering route (R20): both routes, so a finding can name the one that won and the one that was meant.
public struct ShadowedRoute: Sendable, Hashable {
    /// The route that decided the hop.
    public var winner: Decision
    /// The user-defined route that lost.
    public var loser: Decision
}
