import Foundation
import RoundTripCore
import RoundTripImport
import RoundTripTestSupport
import Testing

/// Bad input: every problem is reported with file, line, column and what was expected — never a trap.
@Suite("Design reader and validation errors")
struct ReaderTests {
    /// (fixture, line, column, text the message must contain, text the hint must contain or nil)
    static let cases: [(String, Int, Int, String, String?)] = [
        ("malformed-cidr.yaml", 5, 20, "needs a length from 0 to 32", nil),
        ("host-bits.yaml", 7, 35, "has host bits set", "did you mean 10.0.1.0/24?"),
        ("bad-ip.yaml", 9, 57, "expects an IPv4 address", nil),
        ("unknown-field.yaml", 9, 9, "unknown field 'routeTabel'", "did you mean 'routeTable'?"),
        ("wrong-type.yaml", 7, 28, "'allowForwardedTraffic' must be true or false", nil),
        ("unknown-reference.yaml", 7, 60, "names route table 'firewall-routetabel'", "did you mean 'firewall-routetable'?"),
        ("duplicate-name.yaml", 6, 5, "duplicate virtual network name 'vnet'", nil),
        ("overlapping-peers.yaml", 7, 5, "overlapping address spaces", nil),
        ("next-hop-not-owned.yaml", 11, 100, "which no NIC, internal load balancer or firewall in the design owns", nil),
        ("subnet-outside-vnet.yaml", 7, 35, "is outside the virtual network's address space", nil),
        ("missing-field.yaml", 6, 9, "missing required field 'nextHopType'", nil),
        ("syntax-error.yaml", 6, 1, "syntax error", nil),
        ("duplicate-key.yaml", 2, 1, "duplicate key 'name'", nil),
        ("bad-json.json", 5, 56, "unknown field 'subnet'", "did you mean 'subnets'?"),
        ("trailing-comma.json", 7, 1, "expected a member name (a string in double quotes) after ',', found '}'", "trailing comma"),
        ("address-outside-subnet.yaml", 9, 56, "is outside its subnet", nil),
        ("bad-api-version.yaml", 1, 13, "unsupported apiVersion 'roundtrip/v2'", nil),
        ("unknown-verdict.yaml", 4, 63, "'expect' must be one of", "did you mean 'symmetric'?"),
        ("duplicate-gateway.yaml", 8, 5, "already has Vpn gateway 'vpn-a'", nil),
        (
            "firewall-one-instance.yaml", 6, 93,
            "instanceCount must be 2 to 20 (an Azure Firewall never runs fewer than two instances, §16 D3", nil
        ),
        ("route-system-next-hop.yaml", 8, 67, "nextHopType VNetPeering is created by Azure only (R6)", nil),
        ("route-appliance-without-address.yaml", 8, 9, "nextHopType VirtualAppliance needs nextHopIpAddress (R8)", nil),
        ("route-address-forbidden.yaml", 8, 93, "nextHopIpAddress is only allowed with nextHopType VirtualAppliance", nil),
        ("firewall-policy-and-classic.yaml", 13, 21, "uses firewall policy 'hub-policy' and classic rule collections", "F27"),
    ]

    @Test("each invalid design names file, line, column and the expectation", arguments: cases)
    func invalid(file: String, line: Int, column: Int, message: String, hint: String?) throws {
        let path = "Tests/RoundTripImportTests/Fixtures/invalid/\(file)"
        do {
            _ = try TestFiles.topology(path, strict: true)
            Issue.record("\(file) was accepted")
        } catch let error as DesignError {
            let first = try #require(error.diagnostics.first)
            #expect(first.location.file == path)
            #expect(first.location.line == line, "\(first)")
            #expect(first.location.column == column, "\(first)")
            #expect(first.message.contains(message), "\(first)")
            if let hint { #expect(first.hint?.contains(hint) == true, "\(first)") }
            #expect(first.severity == .error)
        }
    }

    @Test("every error is reported, not only the first")
    func collectsAll() throws {
        let text = """
            apiVersion: roundtrip/v1
            name: many
            virtualNetworks:
              - { name: a, addressSpace: [10.0.0.0/16], colour: red }
              - { name: b, addressSpace: [10.1.0.0/99] }
            """
        #expect(throws: DesignError.self) { try DesignReader.parse(text, file: "inline.yaml") }
        do {
            _ = try DesignReader.parse(text, file: "inline.yaml")
        } catch {
            #expect(error.diagnostics.count == 2)
            #expect(error.description.contains("inline.yaml:4:"))
            #expect(error.description.contains("inline.yaml:5:"))
        }
    }

    @Test("empty and non-mapping documents are errors, not traps", arguments: ["", "[]", "42", "apiVersion: roundtrip/v1"])
    func degenerate(text: String) {
        #expect(throws: DesignError.self) { try Topology.compile(try DesignReader.parse(text, file: "x.yaml")) }
    }

    @Test("JSON designs read like YAML, with positions")
    func json() throws {
        let text = """
            {"apiVersion": "roundtrip/v1", "name": "j",
             "virtualNetworks": [{"name": "v", "addressSpace": ["10.0.0.0/16"],
               "subnets": [{"name": "s", "addressPrefix": "10.0.1.0/24"}]}]}
            """
        let design = try DesignReader.parse(text, file: "d.json")
        #expect(design.virtualNetworks.first?.subnets.first?.source.element.line == 3)
        #expect(design.virtualNetworks.first?.subnets.first?.addressPrefix == IPv4Prefix("10.0.1.0/24"))
    }

    @Test("defaults follow the format: peering flags, subnet access, firewall instances")
    func defaults() throws {
        let design = try TestFiles.design("samples/hub-spoke.yaml")
        let peering = try #require(design.virtualNetworkPeerings.first)
        #expect(peering.allowVirtualNetworkAccess && !peering.useRemoteGateways)
        #expect(design.virtualNetworks[0].subnets[0].defaultOutboundAccess)
        let t = try Topology.compile(design)
        #expect(t.firewalls[0].instanceIPs.map(\.description) == ["10.0.1.5", "10.0.1.6"])
        #expect(t.firewalls[0].snatRangesAreDefault)
    }

    @Test("the bundled default design is samples/seed-lab.yaml byte for byte")
    func bundled() throws {
        #expect(BundledDesign.seedLab == (try TestFiles.text("samples/seed-lab.yaml")), "run scripts/embed-default-design.sh")
    }

    @Test("names with quotes, backslashes and non-ASCII are kept as written")
    func oddNames() throws {
        let text = """
            apiVersion: roundtrip/v1
            name: "odd \\"design\\" <&>"
            virtualNetworks:
              - { name: "vnet-ü \\\\ \\"x\\"", addressSpace: [10.0.0.0/16] }
            """
        let design = try DesignReader.parse(text, file: "odd.yaml")
        #expect(design.name == "odd \"design\" <&>")
        #expect(design.virtualNetworks[0].name == "vnet-ü \\ \"x\"")
    }

    @Test("enum values are accepted in any case and normalised, as ARM does")
    func caseInsensitiveEnums() throws {
        let t = try TestFiles.topology("Tests/RoundTripImportTests/Fixtures/valid/lower-case-enums.yaml")
        #expect(t.routeTables[0].routes.map(\.nextHopType) == [.virtualAppliance, .internet])
        #expect(t.gateways[0].gatewayType == .vpn)
        #expect(t.firewalls[0].networkCollections[0].action == .allow)
        #expect(t.firewalls[0].networkCollections[0].rules[0].protocols == [.tcp])
        #expect(t.firewalls[0].applicationCollections[0].rules[0].protocols.map(\.port) == [443])
        #expect(t.loadBalancers[0].rules[0].protocolType == .tcp)
        #expect(t.workloads[0].kind == .vm)
        #expect(t.flows[0].protocolType == .tcp && t.flows[0].expect == .symmetric)
    }
}
