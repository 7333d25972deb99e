# Generates the three machine forms of secured.yaml (run here: python3 generate-secured.py): Azure REST JSON
# (azure-json/secured.rest.json), an ARM template (arm/secured.json) and a Terraform plan (terraform/secured.plan.json).
# Shapes follow the Microsoft.Network REST API examples (networkSecurityGroups, applicationSecurityGroups,
# privateEndpoints with their NIC, bastionHosts, firewallPolicies and ruleCollectionGroups, ipGroups) and
# `terraform show -json` of the azurerm 4.x resources.
import json
SUB = "/subscriptions/00000000-0000-0000-0000-000000000000"
RG = f"{SUB}/resourceGroups/rg-secured"
def nid(t, n, ns="Microsoft.Network"): return f"{RG}/providers/{ns}/{t}/{n}"
def ref(i): return {"id": i}
def dump(name, obj):
    with open(name, "w") as f: json.dump(obj, f, indent=2); f.write("\n")
vnet = lambda n: nid("virtualNetworks", n)
sub = lambda v, s: vnet(v) + "/subnets/" + s
KV = nid("vaults", "kv-app", "Microsoft.KeyVault")
PE_NIC = nid("networkInterfaces", "kv-app-pe.nic.3f1e2d4c-1b2a-4c5d-8e9f-0a1b2c3d4e5f")

RULES = [  # name, priority, source prefixes, destination ASGs, destination ports, access
    {"name": "deny-db-ssh", "priority": 100, "access": "Deny", "sourceAddressPrefix": "10.1.2.0/24", "destinationAddressPrefix": "*",
     "destinationPortRange": "22"},
    {"name": "deny-web-8080", "priority": 110, "access": "Deny", "sourceAddressPrefix": "*", "asgs": ["web-asg"], "destinationPortRange": "8080"},
    {"name": "allow-web-https", "priority": 200, "access": "Allow", "sourceAddressPrefixes": ["10.1.2.0/24", "10.0.1.0/26"],
     "asgs": ["web-asg"], "destinationPortRanges": ["443", "8443"]},
]
def rest_rule(r):
    p = {"protocol": "Tcp", "sourcePortRange": "*", "sourceAddressPrefixes": [], "destinationAddressPrefixes": [],
         "sourcePortRanges": [], "destinationPortRanges": [], "priority": r["priority"], "direction": "Inbound",
         "access": r["access"], "provisioningState": "Succeeded"}
    for k in ["sourceAddressPrefix", "sourceAddressPrefixes", "destinationAddressPrefix", "destinationPortRange", "destinationPortRanges"]:
        if k in r: p[k] = r[k]
    if "asgs" in r: p["destinationApplicationSecurityGroups"] = [ref(nid("applicationSecurityGroups", a)) for a in r["asgs"]]
    return {"name": r["name"], "id": nid("networkSecurityGroups", "app-nsg") + "/securityRules/" + r["name"],
            "type": "Microsoft.Network/networkSecurityGroups/securityRules", "properties": p}
def default_rule(name, priority, direction, access, src, dst):
    return {"name": name, "id": nid("networkSecurityGroups", "app-nsg") + "/defaultSecurityRules/" + name,
            "type": "Microsoft.Network/networkSecurityGroups/defaultSecurityRules",
            "properties": {"description": "default", "protocol": "*", "sourcePortRange": "*", "destinationPortRange": "*",
                           "sourceAddressPrefix": src, "destinationAddressPrefix": dst, "access": access, "priority": priority,
                           "direction": direction}}
GROUPS = [
    ("allow-apps", 100, [
        {"ruleCollectionType": "FirewallPolicyFilterRuleCollection", "name": "apps-out", "priority": 100, "action": {"type": "Allow"},
         "rules": [{"ruleType": "NetworkRule", "name": "apps-https", "ipProtocols": ["TCP"], "sourceAddresses": [],
                    "sourceIpGroups": [nid("ipGroups", "spoke-apps")], "destinationAddresses": ["*"], "destinationIpGroups": [],
                    "destinationFqdns": [], "destinationPorts": ["443"]}]},
        {"ruleCollectionType": "FirewallPolicyFilterRuleCollection", "name": "web-out", "priority": 200, "action": {"type": "Allow"},
         "rules": [{"ruleType": "ApplicationRule", "name": "packages", "protocols": [{"protocolType": "Https", "port": 443}],
                    "sourceAddresses": ["10.1.1.0/24"], "sourceIpGroups": [], "targetFqdns": ["packages.microsoft.com"],
                    "fqdnTags": [], "targetUrls": [], "terminateTLS": False, "webCategories": [], "destinationAddresses": []}]}]),
    ("deny-db", 200, [
        {"ruleCollectionType": "FirewallPolicyFilterRuleCollection", "name": "db-out", "priority": 100, "action": {"type": "Deny"},
         "rules": [{"ruleType": "NetworkRule", "name": "db-any", "ipProtocols": ["Any"], "sourceAddresses": ["10.1.2.0/24"],
                    "sourceIpGroups": [], "destinationAddresses": ["*"], "destinationIpGroups": [], "destinationFqdns": [],
                    "destinationPorts": ["*"]}]}]),
]

# ---------- Azure REST JSON (a list response, as `az rest` or a Resource Graph export gives it) ----------
def res(t, n, props, ns="Microsoft.Network", **top):
    r = {"name": n, "id": nid(t, n, ns), "type": f"{ns}/{t}", "location": "westeurope", "properties": props}
    r.update(top); return r
def subnet(v, s, prefix, **extra):
    p = {"addressPrefix": prefix, "provisioningState": "Succeeded", "privateEndpointNetworkPolicies": "Disabled",
         "privateLinkServiceNetworkPolicies": "Enabled"}
    p.update(extra)
    return {"name": s, "id": sub(v, s), "type": "Microsoft.Network/virtualNetworks/subnets", "properties": p}
def peering(frm, name, to):
    return {"name": name, "id": vnet(frm) + "/virtualNetworkPeerings/" + name, "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
            "properties": {"peeringState": "Connected", "remoteVirtualNetwork": ref(vnet(to)), "allowVirtualNetworkAccess": True,
                           "allowForwardedTraffic": True, "allowGatewayTransit": False, "useRemoteGateways": False}}
def nic(name, v, s, ip, **extra):
    cfg = {"privateIPAddress": ip, "privateIPAllocationMethod": "Static", "subnet": ref(sub(v, s)), "primary": True}
    cfg.update(extra)
    return {"name": name, "id": nid("networkInterfaces", name), "type": "Microsoft.Network/networkInterfaces", "location": "westeurope",
            "properties": {"ipConfigurations": [{"name": "ipconfig1", "id": nid("networkInterfaces", name) + "/ipConfigurations/ipconfig1",
                                                 "properties": cfg}], "enableIPForwarding": False}}
def vm(name, n):
    return res("virtualMachines", name, {"networkProfile": {"networkInterfaces": [ref(nid("networkInterfaces", n))]}}, "Microsoft.Compute")
rest = {"value": [
    res("publicIPAddresses", "fw-pip", {"ipAddress": "20.61.50.4", "publicIPAllocationMethod": "Static", "publicIPAddressVersion": "IPv4"}),
    res("publicIPAddresses", "bastion-pip", {"ipAddress": "20.61.50.5", "publicIPAllocationMethod": "Static", "publicIPAddressVersion": "IPv4"}),
    res("virtualNetworks", "hub-vnet", {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}, "subnets": [
        subnet("hub-vnet", "AzureFirewallSubnet", "10.0.0.0/26"), subnet("hub-vnet", "AzureBastionSubnet", "10.0.1.0/26"),
        subnet("hub-vnet", "endpoints", "10.0.2.0/24", privateEndpoints=[ref(nid("privateEndpoints", "kv-app-pe"))])],
        "virtualNetworkPeerings": [peering("hub-vnet", "hub-to-spoke", "spoke-vnet")]}),
    res("virtualNetworks", "spoke-vnet", {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]}, "subnets": [
        subnet("spoke-vnet", "app", "10.1.1.0/24", routeTable=ref(nid("routeTables", "spoke-rt")),
               networkSecurityGroup=ref(nid("networkSecurityGroups", "app-nsg"))),
        subnet("spoke-vnet", "db", "10.1.2.0/24", routeTable=ref(nid("routeTables", "spoke-rt")))],
        "virtualNetworkPeerings": [peering("spoke-vnet", "spoke-to-hub", "hub-vnet")]}),
    res("routeTables", "spoke-rt", {"disableBgpRoutePropagation": False, "routes": [
        {"name": "default-via-fw", "id": nid("routeTables", "spoke-rt") + "/routes/default-via-fw",
         "properties": {"addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.0.4"}}]}),
    res("applicationSecurityGroups", "web-asg", {"resourceGuid": "7a1b2c3d-0000-4000-8000-000000000001", "provisioningState": "Succeeded"}),
    res("networkSecurityGroups", "app-nsg", {"securityRules": [rest_rule(r) for r in RULES], "defaultSecurityRules": [
        default_rule("AllowVnetInBound", 65000, "Inbound", "Allow", "VirtualNetwork", "VirtualNetwork"),
        default_rule("DenyAllInBound", 65500, "Inbound", "Deny", "*", "*"),
        default_rule("AllowInternetOutBound", 65001, "Outbound", "Allow", "*", "Internet")],
        "subnets": [ref(sub("spoke-vnet", "app"))]}),
    res("ipGroups", "spoke-apps", {"ipAddresses": ["10.1.1.0/24"], "firewallPolicies": [ref(nid("firewallPolicies", "hub-policy"))]}),
    res("firewallPolicies", "hub-policy", {"sku": {"tier": "Standard"}, "threatIntelMode": "Alert",
        "ruleCollectionGroups": [ref(nid("firewallPolicies", "hub-policy") + "/ruleCollectionGroups/" + g) for g, _, _ in GROUPS],
        "firewalls": [ref(nid("azureFirewalls", "hub-fw"))]}),
] + [{"name": g, "id": nid("firewallPolicies", "hub-policy") + "/ruleCollectionGroups/" + g,
      "type": "Microsoft.Network/FirewallPolicies/RuleCollectionGroups",
      "properties": {"priority": p, "ruleCollections": c, "provisioningState": "Succeeded"}} for g, p, c in GROUPS] + [
    res("azureFirewalls", "hub-fw", {"sku": {"name": "AZFW_VNet", "tier": "Standard"}, "threatIntelMode": "Alert",
        "ipConfigurations": [{"name": "ipconfig", "id": nid("azureFirewalls", "hub-fw") + "/azureFirewallIpConfigurations/ipconfig",
                              "properties": {"privateIPAddress": "10.0.0.4", "subnet": ref(sub("hub-vnet", "AzureFirewallSubnet")),
                                             "publicIPAddress": ref(nid("publicIPAddresses", "fw-pip"))}}],
        "firewallPolicy": ref(nid("firewallPolicies", "hub-policy"))}),
    res("bastionHosts", "hub-bastion", {"dnsName": "bst-0000.bastion.azure.com", "scaleUnits": 2,
        "ipConfigurations": [{"name": "IpConf", "id": nid("bastionHosts", "hub-bastion") + "/bastionHostIpConfigurations/IpConf",
                              "properties": {"subnet": ref(sub("hub-vnet", "AzureBastionSubnet")),
                                             "publicIPAddress": ref(nid("publicIPAddresses", "bastion-pip")),
                                             "privateIPAllocationMethod": "Dynamic"}}]}, sku={"name": "Standard"}),
    res("privateEndpoints", "kv-app-pe", {"subnet": ref(sub("hub-vnet", "endpoints")), "networkInterfaces": [ref(PE_NIC)],
        "privateLinkServiceConnections": [{"name": "kv-app-pe", "id": nid("privateEndpoints", "kv-app-pe") + "/privateLinkServiceConnections/kv-app-pe",
            "properties": {"privateLinkServiceId": KV, "groupIds": ["vault"],
                           "privateLinkServiceConnectionState": {"status": "Approved", "description": "Auto-Approved", "actionsRequired": "None"}}}],
        "manualPrivateLinkServiceConnections": [],
        "customDnsConfigs": [{"fqdn": "kv-app.vault.azure.net", "ipAddresses": ["10.0.2.4"]}]}),
    {"name": PE_NIC.split("/")[-1], "id": PE_NIC, "type": "Microsoft.Network/networkInterfaces", "location": "westeurope",
     "properties": {"ipConfigurations": [{"name": "privateEndpointIpConfig.0a1b2c3d", "id": PE_NIC + "/ipConfigurations/privateEndpointIpConfig.0a1b2c3d",
         "properties": {"privateIPAddress": "10.0.2.4", "privateIPAllocationMethod": "Dynamic", "subnet": ref(sub("hub-vnet", "endpoints")),
                        "primary": True, "privateLinkConnectionProperties": {"groupId": "vault", "requiredMemberName": "default",
                                                                             "fqdns": ["kv-app.vault.azure.net"]}}}],
         "privateEndpoint": ref(nid("privateEndpoints", "kv-app-pe")), "enableIPForwarding": False}},
    nic("app-vm-nic", "spoke-vnet", "app", "10.1.1.4", applicationSecurityGroups=[ref(nid("applicationSecurityGroups", "web-asg"))]),
    nic("db-vm-nic", "spoke-vnet", "db", "10.1.2.4"),
    vm("app-vm", "app-vm-nic"), vm("db-vm", "db-vm-nic"),
]}
dump("azure-json/secured.rest.json", rest)
