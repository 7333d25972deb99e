/// A reason's data as named values (element names, addresses, packets), for machine-readable output.
extension Topology {
    /// The data a reason carries, by field name, with ids resolved to element names (`{"firewall": "hub-fw"}`).
    public func fields(of reason: TraceReason) -> [String: String] {
        switch reason {
        case .symmetric, .flowStartsAtDevice: return [:]
        case .privateEndpointWithoutSNAT(let w, let device): return ["privateEndpoint": workloads[w].name, "device": name(of: device)]
        case .privateEndpointInitiates(let w): return ["privateEndpoint": workloads[w].name]
        case .routingLoop(let node): return ["node": name(of: node)]
        case .replyDeliveredElsewhere(let node, let client): return ["node": name(of: node), "client": flowEndName(client)]
        case .natMismatch(let expected, let expectedPort, let actual, let actualPort):
            return ["expected": "\(expected):\(expectedPort)", "actual": "\(actual):\(actualPort)"]
        case .replyBypassesStatefulDevice(let device, let path, let route):
            var fields = ["device": name(of: device), "returnPath": path.map { name(of: $0) }.uniqued().joined(separator: " → ")]
            fields["returnRoute"] = route.map { describeDecision($0) }
            return fields
        case .unsupportedConfiguration(let indices, let verdict, let inner, _):
            return [
                "findings": indices.map { findings[$0].code }.joined(separator: ", "), "traceVerdict": verdict.rawValue,
                "traceCode": inner.code,
            ]
        case .defaultOutboundAccessUsed(let w), .defaultOutboundAccess(let w), .instancePublicIPNAT(let w), .ipForwarding(let w):
            return ["workload": workloads[w].name]
        case .podMasquerade(let pod, let address, let kubenet):
            return ["pod": workloads[pod].name, "nodeAddress": address.description, "network": kubenet ? "kubenet" : "azure-cni"]
        case .gatewayForwardsIntoVNet(let g), .gatewayPrivateSourceToInternet(let g): return ["gateway": gateways[g].name]
        case .noMatchingRoute(let s, let destination): return ["subnet": subnets[s].qualifiedName, "destination": destination.description]
        case .replyNotRestored(let original, let device):
            return ["original": original.description, "device": name(of: node(of: device))]
        case .floatingIPReplyToAppliance(let device): return ["device": name(of: node(of: device))]
        case .nextHopNone(let s, let r, let destination):
            return ["route": describeRoute(subnet: s, index: r), "destination": destination.description]
        case .vnetLocalOutsideVNet(let s, let r, let destination, let v):
            return ["route": describeRoute(subnet: s, index: r), "destination": destination.description, "vnet": vnets[v].name]
        case .noVPNGateway(let s, let r, let v): return ["route": describeRoute(subnet: s, index: r), "vnet": vnets[v].name]
        case .nextHopIsAppGateway(let address, let route): return ["nextHop": address.description, "route": describeDecision(route)]
        case .nextHopNotInDesign(let ip, let decision): return ["address": ip.description, "route": describeDecision(decision)]
        case .nextHopUnreachable(let address, let route, let v):
            return ["nextHop": address.description, "route": describeDecision(route), "vnet": vnets[v].name]
        case .peeringNoReverse(let p), .peeringAccessDisabled(let p): return ["peering": peerings[p].name]
        case .forwardedTrafficDenied(let p, let source, let v), .forwardedTrafficNotEnforced(let p, let source, let v):
            return ["peering": peerings[p].name, "source": source.description, "vnet": vnets[v].name]
        case .noOwnerInVNet(let v, let destination): return ["vnet": vnets[v].name, "destination": destination.description]
        case .appGatewayNoPublicFrontend(let g), .appGatewayAnswersClient(let g), .appGatewayInstanceAddress(let g):
            return ["appGateway": appGateways[g].name]
        case .forwardedWithoutSNAT(let w, let source, let address):
            return ["workload": workloads[w].name, "source": source.description, "address": address.description]
        case .clusterOutboundBlocked(let c): return ["cluster": clusters[c].name]
        case .noOutboundPath(let w, let s): return ["workload": workloads[w].name, "subnet": subnets[s].qualifiedName]
        case .snatAddressChoice(let addresses): return ["addresses": addresses.map(\.description).joined(separator: ", ")]
        case .natGatewayNoFlow(let n), .natGatewayUnsolicitedInbound(let n): return ["natGateway": natGateways[n].name]
        case .privateDestinationOnInternet(let destination), .noNICOwnsAddress(let destination):
            return ["destination": destination.description]
        case .onPremisesRoutesToGateway(let n, let g): return ["onPremises": onPremises[n].name, "gateway": gateways[g].name]
        case .onPremisesEdgeNoSession(let n), .forcedTunnelEgress(let n): return ["onPremises": onPremises[n].name]
        case .onPremisesNoRoute(let n, let destination): return ["onPremises": onPremises[n].name, "destination": destination.description]
        case .gatewayNoRoute(let g, let destination): return ["gateway": gateways[g].name, "destination": destination.description]
        case .nodeDeliversToPod(let pod): return ["pod": workloads[pod].name]
        case .ipForwardingDisabled(let w, let destination): return ["workload": workloads[w].name, "destination": destination.description]
        case .nvaNoSession(let w, let miss): return missFields(miss, ["workload": workloads[w].name])
        default: return deviceFields(of: reason)
        }
    }

    func deviceFields(of reason: TraceReason) -> [String: String] {
        switch reason {
        case .loadBalancerNoRule(let l, let fe, let protocolType, let port):
            return [
                "loadBalancer": loadBalancers[l].name, "frontend": loadBalancers[l].frontends[fe].name, "protocol": protocolType.rawValue,
                "port": String(port),
            ]
        case .loadBalancerNoHAPortsRule(let l, let fe):
            return ["loadBalancer": loadBalancers[l].name, "frontend": loadBalancers[l].frontends[fe].name]
        case .loadBalancerHairpin(let l, let w, let size):
            return ["loadBalancer": loadBalancers[l].name, "member": workloads[w].name, "poolSize": String(size)]
        case .loadBalancerEmptyPool(let l, let r): return ["loadBalancer": loadBalancers[l].name, "rule": loadBalancers[l].rules[r].name]
        case .loadBalancerIndependentHash(let l, let other, let reached, let holder):
            var fields = ["loadBalancer": loadBalancers[l].name, "reached": reached.description, "holder": holder.description]
            fields["otherLoadBalancer"] = other.map { loadBalancers[$0].name }
            return fields
        case .loadBalancerBackendNotNIC(let l, let address): return ["loadBalancer": loadBalancers[l].name, "backend": address.description]
        case .appGatewayNoSession(let g, let instance, let miss):
            var fields = missFields(miss, ["appGateway": appGateways[g].name])
            fields["instance"] = instance.map(String.init)
            return fields
        case .appGatewayNoListener(let g, let fe, let port, let protocolType):
            return [
                "appGateway": appGateways[g].name, "frontend": appGateways[g].frontends[fe].name, "port": String(port),
                "protocol": protocolType.rawValue,
            ]
        case .appGatewayEmptyPool(let g, let p): return ["appGateway": appGateways[g].name, "pool": appGateways[g].pools[p].name]
        case .appGatewayProxy(let g, let i):
            return ["appGateway": appGateways[g].name, "instance": appGateways[g].instanceIPs[i].description]
        case .firewallNoSession(let f, let miss), .firewallPublicReplyOnPrivateSide(let f, let miss):
            return missFields(miss, ["firewall": firewalls[f].name])
        case .firewallOtherInstance(let f, let i, let reply):
            return ["firewall": firewalls[f].name, "instance": String(i), "reply": reply.description]
        case .firewallFrontendRehash(let f, let i, let reply, let target):
            return ["firewall": firewalls[f].name, "instance": String(i), "reply": reply.description, "addressedTo": String(target)]
        case .firewallOwnAddress(let f): return ["firewall": firewalls[f].name]
        case .firewallNetworkRuleDenies(let f, let c, let r):
            let collection = firewalls[f].networkCollections[c]
            return ["firewall": firewalls[f].name, "collection": collection.name, "rule": collection.rules[r].name]
        case .firewallNoPublicIP(let f, let destination), .firewallNoSNATToInternet(let f, _, let destination):
            return ["firewall": firewalls[f].name, "destination": destination.description]
        case .firewallApplicationRuleDenies(let f, let c, let r, let fqdn, let destination):
            let collection = firewalls[f].applicationCollections[c]
            var fields = [
                "firewall": firewalls[f].name, "collection": collection.name, "rule": collection.rules[r].name,
                "destination": destination.description,
            ]
            fields["fqdn"] = fqdn
            return fields
        case .firewallNoRuleMatched(let f, let packet, let fqdn):
            var fields = ["firewall": firewalls[f].name, "packet": packet.description]
            fields["fqdn"] = fqdn
            return fields
        case .firewallDnsProxyRequired(let f, let origin):
            var fields = [
                "firewall": firewalls[f].name, "policy": origin.policy, "ruleCollectionGroup": origin.ruleCollectionGroup,
            ]
            fields["rule"] = origin.fqdnRuleWithoutProxy
            return fields
        case .firewallNoSNAT(let destination): return ["destination": destination.description]
        case .firewallSNAT(let destination, let translated):
            return ["destination": destination.description, "translated": translated.description]
        case .firewallApplicationProxy(let translated): return ["translated": translated.description]
        case .firewallNoDNATRule(let f, let packet): return ["firewall": firewalls[f].name, "packet": packet.description]
        case .securityRuleAllowed(let g, let r, let inbound, let atSubnet, let w):
            let rule = securityGroups[g].rules(inbound ? .inbound : .outbound)[r]
            return [
                "nsg": securityGroups[g].name, "rule": rule.name, "priority": String(rule.priority), "direction": rule.direction.rawValue,
                "level": atSubnet ? "subnet" : "nic", "workload": workloads[w].name,
            ]
        case .securityRuleDenied(let g, let r, let inbound, let atSubnet, let w, let packet):
            let rule = securityGroups[g].rules(inbound ? .inbound : .outbound)[r]
            return [
                "nsg": securityGroups[g].name, "rule": rule.name, "priority": String(rule.priority), "direction": rule.direction.rawValue,
                "level": atSubnet ? "subnet" : "nic", "workload": workloads[w].name, "packet": packet.description,
            ]
        case .firewallImplicitDNATAllow(let f, let c, let r, let translated):
            return [
                "firewall": firewalls[f].name, "collection": firewalls[f].natCollections[c].name,
                "rule": firewalls[f].natCollections[c].rules[r].name, "translated": translated.description,
            ]
        case .firewallDNAT(let f, let c, let r, let forcedTunneling):
            let collection = firewalls[f].natCollections[c]
            return [
                "firewall": firewalls[f].name, "collection": collection.name, "rule": collection.rules[r].name,
                "forcedTunneling": String(forcedTunneling),
            ]
        default: return [:]
        }
    }

    func missFields(_ miss: SessionMiss, _ base: [String: String]) -> [String: String] {
        var fields = base
        fields["reply"] = miss.reply.description
        fields["sentBy"] = miss.sentBy.map { describeDecision($0) }
        fields["forwardPath"] = miss.forwardPath.map { name(of: $0) }.uniqued().joined(separator: " → ")
        return fields
    }
}
