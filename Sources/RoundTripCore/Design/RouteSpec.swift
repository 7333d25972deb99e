/// A route's next-hop type (API names).
public enum NextHopType: String, Sendable, CaseIterable, Hashable {
    case virtualAppliance = "VirtualAppliance"
    case virtualNetworkGateway = "VirtualNetworkGateway"
    case vnetLocal = "VnetLocal"
    case internet = "Internet"
    case none = "None"
    /// System only: a route to a peered VNet.
    case vnetPeering = "VNetPeering"
    /// System only: a private endpoint's /32 route (PE1).
    case interfaceEndpoint = "InterfaceEndpoint"
}

/// A user-defined route: a destination and where matching packets go (`routeTables[].routes[]`).
public struct RouteSpec: Sendable {
    /// The destination of a route: a CIDR or a service tag.
    public enum Destination: Sendable, Hashable {
        case prefix(IPv4Prefix)
        case serviceTag(String)
    }
    /// The route's name, unique within its table.
    public var name: String
    /// The route's destination: a prefix or a service tag.
    public var addressPrefix: Destination
    /// Where matching packets go; `None` drops them.
    public var nextHopType: NextHopType
    /// The next hop's address; required for VirtualAppliance, forbidden otherwise.
    public var nextHopIpAddress: IPv4Address?
    /// Where the element and each of its fields were written in the design file.
    public var source: SourceMap
    /// Creates a value.
    public init(
        name: String, addressPrefix: Destination, nextHopType: NextHopType, nextHopIpAddress: IPv4Address?,
        source: SourceMap
    ) {
        self.name = name; self.addressPrefix = addressPrefix; self.nextHopType = nextHopType
        self.nextHopIpAddress = nextHopIpAddress; self.source = source
    }
}
