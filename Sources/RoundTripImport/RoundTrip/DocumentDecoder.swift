import Foundation
import RoundTripCore
import Yams

/// Walks the document tree element by element.
struct DocumentDecoder {
    let sink: DiagnosticSink

    func decode(_ root: Yams.Node) -> Design? {
        let topKeys = [
            "$schema", "apiVersion", "name", "description", "region", "publicIPAddresses", "virtualNetworks",
            "virtualNetworkPeerings", "routeTables", "natGateways", "virtualNetworkGateways", "onPremisesNetworks",
            "loadBalancers", "ipGroups", "firewallPolicies", "azureFirewalls", "applicationGateways", "workloads", "kubernetesClusters",
            "endpoints", "flows", "options", "serviceTags", "assertions", "networkSecurityGroups", "applicationSecurityGroups",
            "bastionHosts", "accepted",
        ]
        guard let map = MapReader(root, what: "design", allowed: topKeys, sink: sink) else { return nil }
        if let node = map.required("apiVersion"), let version = map.text(node, "apiVersion"), version != DesignReader.apiVersion {
            sink.error(.apiVersion, node, "unsupported apiVersion '\(version)'; expected '\(DesignReader.apiVersion)'")
        }
        var design = Design(file: sink.file, name: map.name() ?? "", source: map.source)
        design.description = map.string("description")
        design.region = map.string("region") ?? "westeurope"
        design.publicIPAddresses = map.list("publicIPAddresses").compactMap(publicIP)
        design.virtualNetworks = map.list("virtualNetworks").compactMap(vnet)
        design.virtualNetworkPeerings = map.list("virtualNetworkPeerings").compactMap(peering)
        design.routeTables = map.list("routeTables").compactMap(routeTable)
        design.natGateways = map.list("natGateways").compactMap(natGateway)
        design.virtualNetworkGateways = map.list("virtualNetworkGateways").compactMap(gateway)
        design.onPremisesNetworks = map.list("onPremisesNetworks").compactMap(onPremises)
        design.loadBalancers = map.list("loadBalancers").compactMap(loadBalancer)
        design.ipGroups = map.list("ipGroups").compactMap(ipGroup)
        design.firewallPolicies = map.list("firewallPolicies").compactMap(firewallPolicy)
        design.azureFirewalls = map.list("azureFirewalls").compactMap(firewall)
        design.applicationGateways = map.list("applicationGateways").compactMap(appGateway)
        design.workloads = map.list("workloads").compactMap(workload)
        design.kubernetesClusters = map.list("kubernetesClusters").compactMap(cluster)
        design.endpoints = map.list("endpoints").compactMap(endpoint)
        design.flows = map.list("flows").compactMap(flow)
        design.serviceTags = map.list("serviceTags").compactMap(serviceTag)
        design.assertions = map.list("assertions").compactMap(assertion)
        design.networkSecurityGroups = map.list("networkSecurityGroups").compactMap(securityGroup)
        design.applicationSecurityGroups = map.list("applicationSecurityGroups").compactMap(applicationSecurityGroup)
        design.bastionHosts = map.list("bastionHosts").compactMap(bastion)
        design.accepted = map.list("accepted").compactMap(acceptedFinding)
        if let node = map.value("options"),
            let options = MapReader(
                node, what: "options",
                allowed: [
                    "strictForwardedTraffic", "allowPrivateDnat", "appGatewayPrivateDeployment", "loadBalancerReplyTranslation",
                ], sink: sink)
        {
            design.options.strictForwardedTraffic = options.bool("strictForwardedTraffic") ?? false
            design.options.allowPrivateDnat = options.bool("allowPrivateDnat") ?? false
            design.options.appGatewayPrivateDeployment = options.bool("appGatewayPrivateDeployment") ?? false
            if let translation = options.choice("loadBalancerReplyTranslation", LoadBalancerReplyTranslation.self) {
                design.options.loadBalancerReplyTranslation = translation
            }
        }
        return design
    }

    /// Opens an element mapping, naming it by its `name` when present.
    func element(_ node: Yams.Node, kind: String, within: String? = nil, allowed: [String]) -> (MapReader, String)? {
        var what = kind
        if case .mapping(let m) = node, let name = m["name"]?.scalar?.string { what = "\(kind) '\(name)'" }
        if let within { what += " " + within }
        guard let map = MapReader(node, what: what, allowed: allowed, sink: sink) else { return nil }
        guard let name = map.name() else { return nil }
        return (map, name)
    }
}
