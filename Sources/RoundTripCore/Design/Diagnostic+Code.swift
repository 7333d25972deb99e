extension Diagnostic {
    /// What kind of problem a diagnostic reports: a stable identifier, the same whichever input form the design came
    /// from. docs/diagnostics.md lists every code with an example and what to do.
    public enum Code: String, Sendable, CaseIterable, Codable {
        // MARK: reading (syntax and shape)
        /// The input is not well-formed YAML or JSON.
        case syntax
        /// The input is empty.
        case empty
        /// The input is not UTF-8 text.
        case encoding
        /// A mapping repeats a key.
        case duplicateKey = "duplicate-key"
        /// `apiVersion` is missing or not `roundtrip/v1`.
        case apiVersion = "api-version"
        /// A field the format does not define.
        case unknownField = "unknown-field"
        /// A required field is absent.
        case missingField = "missing-field"
        /// A field that is not allowed in this context (for this kind, next hop type, …).
        case forbiddenField = "forbidden-field"
        /// A value has the wrong type (a list where a mapping is expected, text where a number is, …).
        case wrongType = "wrong-type"
        /// A value is not one of the allowed values.
        case badValue = "bad-value"
        /// Exactly one of two fields must be given.
        case oneOf = "one-of"
        /// A name is empty, has a '/' or unprintable characters.
        case badName = "bad-name"
        /// A number is out of its allowed range (ports, counts, priorities).
        case outOfRange = "out-of-range"
        /// A text is not an IPv4 address, prefix, range, service tag or name where one is expected.
        case badAddress = "bad-address"
        /// A CIDR prefix is malformed, has host bits set or a bad length.
        case badPrefix = "bad-prefix"
        /// A port or port range is malformed.
        case badPort = "bad-port"

        // MARK: references and names
        /// A reference names an element the design does not define.
        case unknownReference = "unknown-reference"
        /// A subnet reference is not written `VNET/SUBNET`.
        case badReference = "bad-reference"
        /// Two elements of one kind share a name.
        case duplicateName = "duplicate-name"
        /// A route's `addressPrefix` is neither a CIDR prefix nor a well-formed service-tag name.
        case unknownServiceTag = "unknown-service-tag"
        /// A well-formed service tag that no table defines (design `serviceTags`, a loaded Service Tags file, the
        /// built-in excerpt): the route or firewall rule address matches nothing (warning).
        case unresolvedServiceTag = "unresolved-service-tag"
        /// A firewall application rule names an FQDN tag RoundTrip does not know.
        case unknownFqdnTag = "unknown-fqdn-tag"

        // MARK: addresses
        /// Two elements claim the same address.
        case duplicateAddress = "duplicate-address"
        /// A workload or frontend address lies outside its subnet.
        case addressOutsideSubnet = "address-outside-subnet"
        /// An endpoint's address lies outside the on-premises network it names.
        case addressOutsideNetwork = "address-outside-network"
        /// A pod address lies outside its cluster's pod CIDR.
        case addressOutsidePodCidr = "address-outside-pod-cidr"
        /// A subnet prefix lies outside its VNet's address space.
        case subnetOutsideVNet = "subnet-outside-vnet"
        /// Two subnets of a VNet overlap.
        case overlappingSubnets = "overlapping-subnets"
        /// Two ranges of one VNet's address space overlap.
        case overlappingAddressSpace = "overlapping-address-space"
        /// Two peered VNets have overlapping address spaces (Azure refuses the peering).
        case overlappingPeeredAddressSpace = "overlapping-peered-address-space"
        /// An on-premises prefix overlaps a VNet (R20).
        case overlappingOnPremises = "overlapping-on-premises"
        /// A public IP resource has a private address.
        case privateIPAsPublic = "private-public-ip"
        /// A public IP prefix is wider than /28.
        case publicIPPrefixSize = "public-ip-prefix-size"
        /// A public IP is attached to two resources.
        case publicIPInUse = "public-ip-in-use"

        // MARK: placement and platform limits
        /// A route's VirtualAppliance next hop is owned by no NIC, internal load balancer or firewall (R9, M5).
        case nextHopNotOwned = "next-hop-not-owned"
        /// A route table has more service-tag routes than Azure allows (R13a).
        case tooManyServiceTagRoutes = "too-many-service-tag-routes"
        /// A peering connects a VNet to itself.
        case selfPeering = "self-peering"
        /// A VNet has two peerings to the same VNet.
        case duplicatePeering = "duplicate-peering"
        /// useRemoteGateways is set where Azure does not allow it (P2).
        case useRemoteGateways = "use-remote-gateways"
        /// A VNet has two gateways of one type.
        case duplicateGateway = "duplicate-gateway"
        /// A VPN/ExpressRoute gateway is not in GatewaySubnet.
        case gatewaySubnetName = "gateway-subnet-name"
        /// An Azure Firewall is not in AzureFirewallSubnet (F1).
        case firewallSubnetName = "firewall-subnet-name"
        /// An Application Gateway cannot use its subnet (A4).
        case appGatewaySubnet = "appgw-subnet"
        /// A NAT gateway has too few or too many public addresses (N3).
        case natGatewayAddresses = "nat-gateway-addresses"
        /// A NAT gateway serves subnets of two VNets.
        case natGatewayVNets = "nat-gateway-vnets"
        /// A NAT gateway is attached to GatewaySubnet (N1).
        case natOnGatewaySubnet = "nat-on-gateway-subnet"
        /// A firewall DNAT rule's destination is not one of the firewall's public IPs.
        case dnatDestination = "dnat-destination"
        /// A firewall DNAT rule's port is outside 1–63999 (F10).
        case dnatPort = "dnat-port"
        /// A firewall has both a Firewall Policy and classic rule collections (F19).
        case firewallPolicyAndRules = "firewall-policy-and-rules"
        /// A Firewall Policy's `basePolicy` chain comes back to the policy (F23).
        case basePolicyCycle = "base-policy-cycle"
        /// A policy rule collection mixes rule types, or its type, action and rules disagree (F20).
        case policyRuleType = "policy-rule-type"
        /// An IP group where Azure does not allow one: the destination of a DNAT or application rule (F24).
        case ipGroupNotAllowed = "ip-group-not-allowed"
        /// A DNAT rule's `translatedFqdn` names no design endpoint with an address: the rule is skipped (F22, warning).
        case unresolvedTranslatedFqdn = "unresolved-translated-fqdn"
        /// A firewall sets `snatPrivateRanges` next to a policy: the policy's `snat` wins (F26, warning).
        case policySnatOverride = "policy-snat-override"
        /// A load balancer frontend has both a public IP and a private address.
        case frontendKind = "frontend-kind"
        /// A load balancer mixes public and internal frontends.
        case mixedLoadBalancer = "mixed-load-balancer"
        /// An HA-ports rule on a public load balancer (L8).
        case haPortsPublic = "ha-ports-public"
        /// Port 0 outside an HA-ports rule.
        case badPorts = "bad-ports"
        /// An inbound NAT rule's pool has more than one member.
        case inboundNatTarget = "inbound-nat-target"
        /// An outbound rule on an internal load balancer (L6).
        case outboundInternal = "outbound-internal"

        // MARK: AKS and flows
        /// A pod's host is not a node pool.
        case badHost = "bad-host"
        /// A cluster's node pool is not an aksNodePool workload.
        case badNodePool = "bad-node-pool"
        /// A NAT gateway outbound type without a NAT gateway.
        case missingNatGateway = "missing-nat-gateway"
        /// A userAssignedNATGateway cluster whose subnet has no NAT gateway.
        case natGatewayNotAttached = "nat-gateway-not-attached"
        /// A loadBalancer outbound type without outbound IPs: the egress address is unknown (warning).
        case outboundIPsUnknown = "outbound-ips-unknown"
        /// A flow starts and ends at the same address.
        case badFlow = "bad-flow"
        /// A flow starts at a device frontend, not a host.
        case badFlowSource = "bad-flow-source"
        // MARK: imports (Azure resource JSON, ARM templates, Terraform plans)
        /// With `--strict`: an import passed over a resource type or property the model does not cover.
        case importSkipped = "import-skipped"
        /// With `--strict`: an import met a value it cannot know offline.
        case importUnknown = "import-unknown"
    }
}
