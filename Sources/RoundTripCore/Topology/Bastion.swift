/// An Azure Bastion host: a proxy whose sessions to VMs start at its instance addresses (B3).
public struct Bastion: Sendable {
    /// The host's name.
    public var name: String
    /// Its subnet (`AzureBastionSubnet`).
    public var subnet: Int
    /// The workload that stands for its instances (flows `from:` the Bastion start there).
    public var workload: Int
    /// Its public IP resource, if any.
    public var publicIP: Int?
    /// Where it was written.
    public var source: SourceMap
}
