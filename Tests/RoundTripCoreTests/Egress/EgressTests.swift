import RoundTripImport
import RoundTripTestSupport
import Testing

@testable import RoundTripCore

@Suite("Egress: public source, firewall rules, required egress, SNAT")
struct EgressTests {
    @Test(
        "each outbound type leaves from the lab's address (N4, §8)",
        arguments: [
            ("samples/lb-outbound.yaml", "nginx", ["20.126.14.246"], "loadBalancerOutbound"),
            ("samples/managed-natgw.yaml", "nginx", ["20.101.4.185", "20.102.5.80"], "natGateway"),
            ("samples/user-natgw.yaml", "nginx", ["20.16.100.134"], "natGateway"),
            ("samples/udr-firewall.yaml", "nginx", ["20.229.246.163"], "firewall"),
        ])
    func outboundTypes(file: String, workload: String, addresses: [String], method: String) throws {
        let t = try TestFiles.topology(file)
        let w = try #require(t.workloads.firstIndex { $0.name == workload })
        let summary = t.egressSummary(of: w)
        #expect(summary.publicAddresses.map(\.description) == addresses)
        #expect(summary.masqueradedTo != nil, "a pod leaves through its node")
        #expect(String(describing: summary.method).hasPrefix(method))
    }

    /// The lab's story at Azure Firewall, replayed rule by rule (seed lab §4).
    @Test("Docker Hub and ifconfig.me are denied with only the AKS rules, then allowed rule by rule")
    func labStory() throws {
        var design = try TestFiles.design("samples/udr-firewall.yaml")
        let full = design.azureFirewalls[0].applicationRuleCollections
        func verdicts(_ collections: [String]) throws -> [String: FlowTrace] {
            design.azureFirewalls[0].applicationRuleCollections = full.filter { collections.contains($0.name) }
            let t = try Topology.compile(design)
            return Dictionary(uniqueKeysWithValues: t.flows.indices.map { (t.flows[$0].name, Tracer(t).trace(flowAt: $0)) })
        }
        let before = try verdicts(["aksfwar"])
        #expect(before["pull-nginx-from-docker-hub"]?.verdict == .denied)
        #expect(before["pull-nginx-from-docker-hub"]?.reason.kind == .firewallNoRuleMatched)
        #expect(before["pod-to-ifconfig"]?.verdict == .denied)
        #expect(before["node-to-mcr"]?.verdict == .symmetric)
        let docker = try verdicts(["aksfwar", "dockerhub-registry"])
        #expect(docker["pull-nginx-from-docker-hub"]?.verdict == .symmetric)
        #expect(docker["pod-to-ifconfig"]?.verdict == .denied)
        let all = try verdicts(["aksfwar", "dockerhub-registry", "ifconfig"])
        #expect(all["pod-to-ifconfig"]?.verdict == .symmetric)
        #expect(all["pod-to-ifconfig"]?.egressAddresses.map(\.description) == ["20.229.246.163"])
        guard
            case .firewallApplicationRule(_, let c, let r) = all["pod-to-ifconfig"]?.forward.compactMap(\.decision).first(where: {
                if case .firewallApplicationRule = $0 { return true } else { return false }
            })
        else {
            Issue.record("no application rule decided the ifconfig.me flow")
            return
        }
        let t = try Topology.compile(design)
        #expect(t.firewalls[0].applicationCollections[c].rules[r].name == "ifconfig")
    }

    @Test("required AKS egress: all allowed with the AzureKubernetesService tag; each missing one named with its fix")
    func requiredEgress() throws {
        let allowed = try TestFiles.topology("samples/udr-firewall.yaml").requiredEgressResults()
        #expect(allowed.count == 10)
        #expect(allowed.allSatisfy { $0.allowed })
        var design = try TestFiles.design("samples/udr-firewall.yaml")
        design.azureFirewalls[0].applicationRuleCollections.removeAll { $0.name == "aksfwar" }
        design.azureFirewalls[0].networkRuleCollections = []
        let t = try Topology.compile(design)
        let missing = t.requiredEgressResults().filter { !$0.allowed }
        #expect(missing.count == 10)
        let mcr = try #require(missing.first { $0.item.destination == "mcr.microsoft.com" })
        #expect(mcr.item.required)
        #expect(mcr.allowHint(in: t)?.contains("fqdnTags [AzureKubernetesService]") == true)
        let tunnel = try #require(missing.first { $0.item.port == 1194 })
        #expect(!tunnel.item.required)
        #expect(tunnel.allowHint(in: t) == "a network rule on 'hub-firewall': UDP 1194 to AzureCloud.westeurope")
        var report = Checker.check(t)
        #expect(report.missingRequiredEgress.count == 7)
        report.results = []  // leave only the required egress to decide
        let failsWithMissing = report.fails(on: [])
        report.requiredEgress = []
        let failsWithout = report.fails(on: [])
        #expect(failsWithMissing && !failsWithout)
    }

    @Test(
        "load balancer default SNAT table, bracket by bracket (L14)",
        arguments: [
            (1, 1024), (50, 1024), (51, 512), (100, 512), (101, 256), (200, 256), (201, 128), (400, 128), (401, 64), (800, 64),
            (801, 32), (1000, 32),
        ])
    func defaultTable(instances: Int, ports: Int) {
        let c = SNATCapacity.loadBalancer(instances: instances, ips: 1, allocatedPorts: 0)
        #expect(c.portsPerInstance == ports)
        #expect(c.maxConnectionsPerDestination == ports)
        #expect(!c.allocationFails)
        #expect(c.nextLimit?.instances == SNATCapacity.defaultTable.first { instances <= $0.upTo }!.upTo + 1)
    }

    @Test("beyond 1,000 instances the default allocation fails; manual allocation caps instances (L15)")
    func limits() {
        #expect(SNATCapacity.loadBalancer(instances: 1001, ips: 1, allocatedPorts: 0).allocationFails)
        let manual = SNATCapacity.loadBalancer(instances: 30, ips: 2, allocatedPorts: 4000)
        #expect(manual.totalPorts == 128_000)
        #expect(manual.nextLimit?.instances == 33)
        #expect(!manual.allocationFails)
        #expect(SNATCapacity.loadBalancer(instances: 33, ips: 2, allocatedPorts: 4000).allocationFails)
    }

    @Test("NAT gateway, firewall and a 52-node cluster's figures (N3, F16, S25)")
    func otherSources() throws {
        let nat = SNATCapacity.natGateway(instances: 3, ips: 2)
        #expect(nat.totalPorts == 129_024)
        #expect(nat.maxConnectionsPerDestination == 100_000)
        #expect(SNATCapacity.firewall(instances: 2, ips: 1).totalPorts == 4_992)
        let s25 = SNATCapacity.loadBalancer(instances: 52, ips: 1, allocatedPorts: 0)
        #expect(s25.portsPerInstance == 512)
        let t = try TestFiles.topology("samples/managed-natgw.yaml")
        let nodes = try #require(t.workloads.firstIndex { $0.name == "aks-nodes" })
        #expect(t.egressSummary(of: nodes).snat?.totalPorts == 129_024)
    }

    @Test("noDefaultOutboundAccess fails for a VM that leaves through default outbound access")
    func defaultOutbound() throws {
        let text = """
            apiVersion: roundtrip/v1
            name: legacy
            virtualNetworks:
              - { name: v, addressSpace: [10.5.0.0/16], subnets: [{ name: s, addressPrefix: 10.5.1.0/24 }] }
            workloads:
              - { name: old-vm, kind: vm, subnet: v/s, ipAddresses: [10.5.1.4] }
            assertions:
              - { name: explicit-egress-only, from: workloads, noDefaultOutboundAccess: true }
            """
        let t = try Topology.compile(try DesignReader.parse(text, file: "legacy.yaml"))
        let result = try #require(AssertionChecker.check(t).first)
        #expect(!result.holds)
        #expect(result.counterexamples.first?.reason.contains("default outbound access") == true)
        let lb = AssertionChecker.check(try TestFiles.topology("samples/lb-outbound.yaml"))
        #expect(lb.allSatisfy { $0.holds })
    }

    @Test("the check report carries every workload's egress; a what-if comparison pairs workloads by name")
    func carriedAndCompared() throws {
        var design = try TestFiles.design("samples/lb-outbound.yaml")
        let t = try Topology.compile(design)
        let report = Checker.check(t)
        #expect(report.egress.map(\.workload) == Array(t.workloads.indices))
        #expect(report.egress.map(\.publicAddresses) == t.egressSummaries().map(\.publicAddresses))
        design.kubernetesClusters[0].outboundType = .block
        let after = try Topology.compile(design)
        let comparison = EgressComparison(t, after, workloads: Array(t.workloads.indices))
        let nodes = t.workloads.filter { $0.kind == .aksNodePool || $0.kind == .vm }.map(\.name)
        #expect(comparison.entries.map(\.workload) == nodes)
        #expect(comparison.entries.allSatisfy { $0.whatIf.publicAddresses.isEmpty && !$0.now.publicAddresses.isEmpty })
    }
}
