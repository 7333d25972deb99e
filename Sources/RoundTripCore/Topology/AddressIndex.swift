/// The one place that answers "who owns this address": private owners per VNet (address spaces may repeat across
/// unpeered VNets), public owners, and kubenet pods (which live outside every VNet). Built by the compiler.
public struct AddressIndex: Sendable {
    /// Private owners, per VNet.
    private var byVNet: [VNetAddress: AddressOwner] = [:]
    /// Per private address: the VNets that have an owner for it, in VNet order (almost always one).
    private var vnetsByAddress: [IPv4Address: [Int]] = [:]
    /// Public owners.
    private var publicOwners: [IPv4Address: PublicOwner] = [:]
    /// Pods by address.
    private var pods: [IPv4Address: Int] = [:]

    /// An empty index.
    public init() {}

    /// What owns `address` inside VNet `vnet`.
    @inlinable public func owner(of address: IPv4Address, in vnet: Int) -> AddressOwner? {
        ownerLookup(VNetAddress(vnet: vnet, address: address))
    }

    @usableFromInline func ownerLookup(_ key: VNetAddress) -> AddressOwner? { byVNet[key] }

    /// The VNets in which something owns `address`, in VNet order.
    public func vnets(owning address: IPv4Address) -> [Int] { vnetsByAddress[address] ?? [] }

    /// The first VNet (in VNet order) in which something owns `address`, and the owner there.
    public func firstOwner(of address: IPv4Address) -> (vnet: Int, owner: AddressOwner)? {
        guard let v = vnetsByAddress[address]?.first, let owner = byVNet[VNetAddress(vnet: v, address: address)] else { return nil }
        return (v, owner)
    }

    /// The workload whose NIC holds `address`, in the first VNet (in VNet order) where a NIC holds it.
    public func nic(owning address: IPv4Address) -> Int? {
        for v in vnetsByAddress[address] ?? [] {
            if case .nic(let w) = byVNet[VNetAddress(vnet: v, address: address)] { return w }
        }
        return nil
    }

    /// What owns a public address.
    public func publicOwner(of address: IPv4Address) -> PublicOwner? { publicOwners[address] }

    /// The pod (kubenet or Azure CNI) that has `address`.
    public func pod(at address: IPv4Address) -> Int? { pods[address] }

    /// Every public address some element owns.
    public var publicAddresses: Dictionary<IPv4Address, PublicOwner>.Keys { publicOwners.keys }
    /// Every private address some element owns, in any VNet.
    public var privateAddresses: Dictionary<IPv4Address, [Int]>.Keys { vnetsByAddress.keys }
    /// Every pod address.
    public var podAddresses: Dictionary<IPv4Address, Int>.Keys { pods.keys }

    /// Records a private owner; returns the owner already there when it is a different one (nothing changes then).
    mutating func claim(_ address: IPv4Address, in vnet: Int, by owner: AddressOwner) -> AddressOwner? {
        let key = VNetAddress(vnet: vnet, address: address)
        if let existing = byVNet[key] { return existing == owner ? nil : existing }
        byVNet[key] = owner
        var list = vnetsByAddress[address] ?? []
        list.insert(vnet, at: list.firstIndex { $0 > vnet } ?? list.count)
        vnetsByAddress[address] = list
        return nil
    }

    /// Records a public owner; returns the owner already there when it is a different one (nothing changes then).
    mutating func claimPublic(_ address: IPv4Address, by owner: PublicOwner) -> PublicOwner? {
        if let existing = publicOwners[address] { return existing == owner ? nil : existing }
        publicOwners[address] = owner
        return nil
    }

    /// Records a pod address.
    mutating func addPod(_ address: IPv4Address, workload: Int) { pods[address] = workload }
}

/// A key for a private address inside one VNet (address spaces may repeat across unpeered VNets).
public struct VNetAddress: Hashable, Sendable {
    /// The VNet.
    public var vnet: Int
    /// The address.
    public var address: IPv4Address

    /// Creates a key.
    @inlinable public init(vnet: Int, address: IPv4Address) {
        self.vnet = vnet
        self.address = address
    }
}
