import RoundTripCore

/// One Azure resource in Azure Resource Manager's shape — type, name, id and `properties` — wherever it came from: a
/// REST or `az` JSON document, a Resource Graph row, an evaluated ARM template, or a Terraform plan translated to ARM
/// shape. ``AzureDesignBuilder`` turns a list of them into a ``Design``.
public struct AzureResource: Sendable {
    /// The ARM resource id (`/subscriptions/…/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub`).
    /// Compare ids with ``AzureResourceID`` (Azure returns both `resourceGroups` and `resourcegroups`).
    public var id: String
    /// The resource type as ARM writes it (`Microsoft.Network/virtualNetworks`; child types such as
    /// `Microsoft.Network/virtualNetworks/subnets`). Compared without regard to case.
    public var type: String
    /// The resource's name (for a child resource, its last segment: `app` for `hub/app`).
    public var name: String
    /// The Azure region (`westeurope`), when known.
    public var region: String?
    /// ARM's `properties` object (empty when the input has none).
    public var properties: JSONObject
    /// The other top-level members the input gave (`sku`, `zones`, `tags`, `resourceGroup`, …).
    public var top: JSONObject
    /// Where the resource stands in its input: file, line and column, with ``SourceLocation/resourceID`` and
    /// ``SourceLocation/jsonPointer`` set.
    public var source: SourceLocation
    /// Values that cannot be known offline, by JSON pointer within the resource (`/properties/addressSpace`), with
    /// the expression or reason (`reference('fw').ipConfigurations[0]…`, `known after apply`).
    public var unknown: [String: String]
    /// The JSON pointer of the object holding the resource's properties, when it is not `source.jsonPointer` +
    /// `/properties` (`az … -o json` output flattens the properties to the resource's top level).
    public var propertiesPointer: String?

    /// Creates a resource.
    public init(
        id: String, type: String, name: String, region: String? = nil, properties: JSONObject = JSONObject(),
        top: JSONObject = JSONObject(), source: SourceLocation, unknown: [String: String] = [:]
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.region = region
        self.properties = properties
        self.top = top
        self.source = source
        self.unknown = unknown
    }
}
