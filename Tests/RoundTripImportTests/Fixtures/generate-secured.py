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

# ---------- ARM template ----------
def rid(t, *names, ns="Microsoft.Network"): return f"[resourceId('{ns}/{t}', {', '.join(repr(n) for n in names)})]"
def arm_res(t, n, props, deps=(), ns="Microsoft.Network", **top):
    r = {"type": f"{ns}/{t}", "apiVersion": "2023-09-01", "name": n, "location": "[parameters('location')]", "properties": props}
    if deps: r["dependsOn"] = list(deps)
    r.update(top); return r
def arm_subnet(v, s, prefix, **extra):
    p = {"addressPrefix": prefix}; p.update(extra); return {"name": s, "properties": p}
def arm_rule(r):
    p = {k: v for k, v in rest_rule(r)["properties"].items() if k != "provisioningState" and v != []}
    if "asgs" in r: p["destinationApplicationSecurityGroups"] = [{"id": rid("applicationSecurityGroups", a)} for a in r["asgs"]]
    return {"name": r["name"], "properties": p}
def arm_nic(name, v, s, ip, **extra):
    cfg = {"privateIPAddress": ip, "privateIPAllocationMethod": "Static", "subnet": {"id": rid("virtualNetworks/subnets", v, s)}}
    cfg.update(extra)
    return arm_res("networkInterfaces", name, {"ipConfigurations": [{"name": "ipconfig1", "properties": cfg}]},
                   [rid("virtualNetworks", v)])
def arm_groups(c):
    out = json.loads(json.dumps(c).replace(nid("ipGroups", "spoke-apps"), rid("ipGroups", "spoke-apps")))
    for coll in out:
        for rule in coll["rules"]:
            for k in [k for k, v in rule.items() if v == []]: del rule[k]
    return out
arm = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
  "parameters": {"location": {"type": "string", "defaultValue": "westeurope"}},
  "resources": [
    arm_res("publicIPAddresses", "fw-pip", {"publicIPAllocationMethod": "Static", "ipAddress": "20.61.50.4"}, sku={"name": "Standard"}),
    arm_res("publicIPAddresses", "bastion-pip", {"publicIPAllocationMethod": "Static", "ipAddress": "20.61.50.5"}, sku={"name": "Standard"}),
    arm_res("routeTables", "spoke-rt", {"routes": [{"name": "default-via-fw", "properties": {"addressPrefix": "0.0.0.0/0",
        "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.0.4"}}]}),
    arm_res("applicationSecurityGroups", "web-asg", {}),
    arm_res("networkSecurityGroups", "app-nsg", {"securityRules": [arm_rule(r) for r in RULES]}, [rid("applicationSecurityGroups", "web-asg")]),
    arm_res("virtualNetworks", "hub-vnet", {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}, "subnets": [
        arm_subnet("hub-vnet", "AzureFirewallSubnet", "10.0.0.0/26"), arm_subnet("hub-vnet", "AzureBastionSubnet", "10.0.1.0/26"),
        arm_subnet("hub-vnet", "endpoints", "10.0.2.0/24", privateEndpointNetworkPolicies="Disabled")]}),
    arm_res("virtualNetworks", "spoke-vnet", {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]}, "subnets": [
        arm_subnet("spoke-vnet", "app", "10.1.1.0/24", routeTable={"id": rid("routeTables", "spoke-rt")},
                   networkSecurityGroup={"id": rid("networkSecurityGroups", "app-nsg")}),
        arm_subnet("spoke-vnet", "db", "10.1.2.0/24", routeTable={"id": rid("routeTables", "spoke-rt")})]},
        [rid("routeTables", "spoke-rt"), rid("networkSecurityGroups", "app-nsg")]),
    {"type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "apiVersion": "2023-09-01", "name": "hub-vnet/hub-to-spoke",
     "dependsOn": [rid("virtualNetworks", "hub-vnet"), rid("virtualNetworks", "spoke-vnet")],
     "properties": {"remoteVirtualNetwork": {"id": rid("virtualNetworks", "spoke-vnet")}, "allowVirtualNetworkAccess": True, "allowForwardedTraffic": True}},
    {"type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "apiVersion": "2023-09-01", "name": "spoke-vnet/spoke-to-hub",
     "dependsOn": [rid("virtualNetworks", "hub-vnet"), rid("virtualNetworks", "spoke-vnet")],
     "properties": {"remoteVirtualNetwork": {"id": rid("virtualNetworks", "hub-vnet")}, "allowVirtualNetworkAccess": True, "allowForwardedTraffic": True}},
    arm_res("ipGroups", "spoke-apps", {"ipAddresses": ["10.1.1.0/24"]}),
    arm_res("firewallPolicies", "hub-policy", {"sku": {"tier": "Standard"}, "threatIntelMode": "Alert"}),
] + [{"type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups", "apiVersion": "2023-09-01", "name": f"hub-policy/{g}",
      "dependsOn": [rid("firewallPolicies", "hub-policy"), rid("ipGroups", "spoke-apps")],
      "properties": {"priority": p, "ruleCollections": arm_groups(c)}} for g, p, c in GROUPS] + [
    arm_res("azureFirewalls", "hub-fw", {"sku": {"name": "AZFW_VNet", "tier": "Standard"},
        "ipConfigurations": [{"name": "ipconfig", "properties": {"privateIPAddress": "10.0.0.4",
            "subnet": {"id": rid("virtualNetworks/subnets", "hub-vnet", "AzureFirewallSubnet")},
            "publicIPAddress": {"id": rid("publicIPAddresses", "fw-pip")}}}],
        "firewallPolicy": {"id": rid("firewallPolicies", "hub-policy")}},
        [rid("virtualNetworks", "hub-vnet"), rid("publicIPAddresses", "fw-pip"), rid("firewallPolicies", "hub-policy")]),
    arm_res("bastionHosts", "hub-bastion", {"ipConfigurations": [{"name": "IpConf", "properties": {
        "subnet": {"id": rid("virtualNetworks/subnets", "hub-vnet", "AzureBastionSubnet")},
        "publicIPAddress": {"id": rid("publicIPAddresses", "bastion-pip")}}}]},
        [rid("virtualNetworks", "hub-vnet"), rid("publicIPAddresses", "bastion-pip")], sku={"name": "Standard"}),
    arm_res("privateEndpoints", "kv-app-pe", {"subnet": {"id": rid("virtualNetworks/subnets", "hub-vnet", "endpoints")},
        "privateLinkServiceConnections": [{"name": "kv-app-pe", "properties": {
            "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-app')]", "groupIds": ["vault"]}}],
        "ipConfigurations": [{"name": "kv-app-pe-ip", "properties": {"groupId": "vault", "memberName": "default",
                                                                     "privateIPAddress": "10.0.2.4"}}]},
        [rid("virtualNetworks", "hub-vnet")]),
    arm_nic("app-vm-nic", "spoke-vnet", "app", "10.1.1.4",
            applicationSecurityGroups=[{"id": rid("applicationSecurityGroups", "web-asg")}]),
    arm_nic("db-vm-nic", "spoke-vnet", "db", "10.1.2.4"),
] + [arm_res("virtualMachines", vmn, {"hardwareProfile": {"vmSize": "Standard_B2s"},
        "networkProfile": {"networkInterfaces": [{"id": rid("networkInterfaces", n)}]}}, [rid("networkInterfaces", n)], ns="Microsoft.Compute")
     for vmn, n in [("app-vm", "app-vm-nic"), ("db-vm", "db-vm-nic")]]}
dump("arm/secured.json", arm)

# ---------- Terraform plan (terraform show -json, azurerm 4.x, ids known: a plan against the deployed estate) ----------
TSUB = "/subscriptions/6f1c2a4e-93b1-4c55-9d0a-2b7e5a1c0f11/resourceGroups/rg-secured"
def t(i): return i.replace(RG, TSUB)
def tf(type_, name, values):
    values = dict(values); values.setdefault("resource_group_name", "rg-secured")
    if "id" in values: values["id"] = t(values["id"])
    return {"address": f"{type_}.{name}", "mode": "managed", "type": type_, "name": name,
            "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0, "values": values, "sensitive_values": {}}
def tf_rule(r):
    return {"name": r["name"], "priority": r["priority"], "direction": "Inbound", "access": r["access"], "protocol": "Tcp",
            "description": "", "source_port_range": "*", "source_port_ranges": [],
            "destination_port_range": r.get("destinationPortRange", ""), "destination_port_ranges": r.get("destinationPortRanges", []),
            "source_address_prefix": r.get("sourceAddressPrefix", ""), "source_address_prefixes": r.get("sourceAddressPrefixes", []),
            "destination_address_prefix": r.get("destinationAddressPrefix", ""), "destination_address_prefixes": [],
            "source_application_security_group_ids": [],
            "destination_application_security_group_ids": [t(nid("applicationSecurityGroups", a)) for a in r.get("asgs", [])]}
def tf_subnet(name, v, s, prefix, **extra):
    values = {"name": s, "id": sub(v, s), "virtual_network_name": v, "address_prefixes": [prefix],
              "private_endpoint_network_policies": "Disabled", "private_link_service_network_policies_enabled": True,
              "default_outbound_access_enabled": True, "service_endpoints": [], "delegation": []}
    values.update(extra); return tf("azurerm_subnet", name, values)
def tf_nic(name, v, s, ip):
    return tf("azurerm_network_interface", name.replace("-", "_"), {"name": name, "id": nid("networkInterfaces", name), "location": "westeurope",
        "ip_forwarding_enabled": False, "ip_configuration": [{"name": "ipconfig1", "subnet_id": t(sub(v, s)),
        "private_ip_address_allocation": "Static", "private_ip_address": ip, "private_ip_address_version": "IPv4", "primary": True,
        "public_ip_address_id": None}]})
def tf_collections(c):
    net, app = [], []
    for coll in c:
        rules = []
        for r in coll["rules"]:
            if r["ruleType"] == "NetworkRule":
                rules.append({"name": r["name"], "protocols": r["ipProtocols"], "source_addresses": r["sourceAddresses"],
                              "source_ip_groups": [t(i) for i in r["sourceIpGroups"]], "destination_addresses": r["destinationAddresses"],
                              "destination_ip_groups": [], "destination_fqdns": [], "destination_ports": r["destinationPorts"]})
            else:
                rules.append({"name": r["name"], "description": "", "protocols": [{"type": p["protocolType"], "port": p["port"]} for p in r["protocols"]],
                              "source_addresses": r["sourceAddresses"], "source_ip_groups": [], "destination_addresses": [],
                              "destination_fqdns": r["targetFqdns"], "destination_fqdn_tags": [], "destination_urls": [],
                              "terminate_tls": False, "web_categories": []})
        block = {"name": coll["name"], "priority": coll["priority"], "action": coll["action"]["type"], "rule": rules}
        (net if coll["rules"][0]["ruleType"] == "NetworkRule" else app).append(block)
    return net, app
def tf_peering(name, frm, to):
    return tf("azurerm_virtual_network_peering", name.replace("-", "_"), {"name": name, "id": vnet(frm) + "/virtualNetworkPeerings/" + name,
        "virtual_network_name": frm, "remote_virtual_network_id": t(vnet(to)), "allow_virtual_network_access": True,
        "allow_forwarded_traffic": True, "allow_gateway_transit": False, "use_remote_gateways": False})
resources = [
    tf("azurerm_resource_group", "rg", {"name": "rg-secured", "id": RG, "location": "westeurope"}),
    tf("azurerm_public_ip", "fw_pip", {"name": "fw-pip", "id": nid("publicIPAddresses", "fw-pip"), "allocation_method": "Static", "sku": "Standard",
                                       "ip_address": "20.61.50.4", "ip_version": "IPv4"}),
    tf("azurerm_public_ip", "bastion_pip", {"name": "bastion-pip", "id": nid("publicIPAddresses", "bastion-pip"), "allocation_method": "Static",
                                            "sku": "Standard", "ip_address": "20.61.50.5", "ip_version": "IPv4"}),
    tf("azurerm_virtual_network", "hub", {"name": "hub-vnet", "id": vnet("hub-vnet"), "location": "westeurope", "address_space": ["10.0.0.0/16"],
                                          "dns_servers": [], "subnet": []}),
    tf("azurerm_virtual_network", "spoke", {"name": "spoke-vnet", "id": vnet("spoke-vnet"), "location": "westeurope",
                                            "address_space": ["10.1.0.0/16"], "dns_servers": [], "subnet": []}),
    tf_subnet("firewall", "hub-vnet", "AzureFirewallSubnet", "10.0.0.0/26"),
    tf_subnet("bastion", "hub-vnet", "AzureBastionSubnet", "10.0.1.0/26"),
    tf_subnet("endpoints", "hub-vnet", "endpoints", "10.0.2.0/24"),
    tf_subnet("app", "spoke-vnet", "app", "10.1.1.0/24"),
    tf_subnet("db", "spoke-vnet", "db", "10.1.2.0/24"),
    tf_peering("hub-to-spoke", "hub-vnet", "spoke-vnet"), tf_peering("spoke-to-hub", "spoke-vnet", "hub-vnet"),
    tf("azurerm_route_table", "spoke_rt", {"name": "spoke-rt", "id": nid("routeTables", "spoke-rt"), "bgp_route_propagation_enabled": True,
        "route": [{"name": "default-via-fw", "address_prefix": "0.0.0.0/0", "next_hop_type": "VirtualAppliance", "next_hop_in_ip_address": "10.0.0.4"}]}),
] + [tf("azurerm_subnet_route_table_association", s, {"id": t(sub("spoke-vnet", s)), "subnet_id": t(sub("spoke-vnet", s)),
        "route_table_id": t(nid("routeTables", "spoke-rt"))}) for s in ["app", "db"]] + [
    tf("azurerm_application_security_group", "web_asg", {"name": "web-asg", "id": nid("applicationSecurityGroups", "web-asg"), "location": "westeurope"}),
    tf("azurerm_network_security_group", "app_nsg", {"name": "app-nsg", "id": nid("networkSecurityGroups", "app-nsg"), "location": "westeurope",
        "security_rule": [tf_rule(r) for r in RULES]}),
    tf("azurerm_subnet_network_security_group_association", "app", {"id": t(sub("spoke-vnet", "app")), "subnet_id": t(sub("spoke-vnet", "app")),
        "network_security_group_id": t(nid("networkSecurityGroups", "app-nsg"))}),
    tf_nic("app-vm-nic", "spoke-vnet", "app", "10.1.1.4"), tf_nic("db-vm-nic", "spoke-vnet", "db", "10.1.2.4"),
    tf("azurerm_network_interface_application_security_group_association", "app", {"id": "assoc-app",
        "network_interface_id": t(nid("networkInterfaces", "app-vm-nic")), "application_security_group_id": t(nid("applicationSecurityGroups", "web-asg"))}),
] + [tf("azurerm_linux_virtual_machine", v.replace("-", "_"), {"name": v, "id": nid("virtualMachines", v, "Microsoft.Compute"), "size": "Standard_B2s",
        "network_interface_ids": [t(nid("networkInterfaces", n))]}) for v, n in [("app-vm", "app-vm-nic"), ("db-vm", "db-vm-nic")]] + [
    tf("azurerm_ip_group", "spoke_apps", {"name": "spoke-apps", "id": nid("ipGroups", "spoke-apps"), "location": "westeurope", "cidrs": ["10.1.1.0/24"]}),
    tf("azurerm_firewall_policy", "hub_policy", {"name": "hub-policy", "id": nid("firewallPolicies", "hub-policy"), "location": "westeurope",
        "sku": "Standard", "threat_intelligence_mode": "Alert", "private_ip_ranges": None, "auto_learn_private_ranges_enabled": None, "dns": []}),
] + [tf("azurerm_firewall_policy_rule_collection_group", g.replace("-", "_"), {"name": g, "id": nid("firewallPolicies", "hub-policy") + "/ruleCollectionGroups/" + g,
        "firewall_policy_id": t(nid("firewallPolicies", "hub-policy")), "priority": p, "network_rule_collection": tf_collections(c)[0],
        "application_rule_collection": tf_collections(c)[1], "nat_rule_collection": []}) for g, p, c in GROUPS] + [
    tf("azurerm_firewall", "hub_fw", {"name": "hub-fw", "id": nid("azureFirewalls", "hub-fw"), "location": "westeurope", "sku_name": "AZFW_VNet",
        "sku_tier": "Standard", "firewall_policy_id": t(nid("firewallPolicies", "hub-policy")), "threat_intel_mode": "",
        "ip_configuration": [{"name": "ipconfig", "subnet_id": t(sub("hub-vnet", "AzureFirewallSubnet")),
                              "public_ip_address_id": t(nid("publicIPAddresses", "fw-pip")), "private_ip_address": "10.0.0.4"}],
        "management_ip_configuration": [], "virtual_hub": []}),
    tf("azurerm_bastion_host", "hub_bastion", {"name": "hub-bastion", "id": nid("bastionHosts", "hub-bastion"), "location": "westeurope", "sku": "Standard",
        "ip_configuration": [{"name": "IpConf", "subnet_id": t(sub("hub-vnet", "AzureBastionSubnet")),
                              "public_ip_address_id": t(nid("publicIPAddresses", "bastion-pip"))}]}),
    tf("azurerm_private_endpoint", "kv_app_pe", {"name": "kv-app-pe", "id": nid("privateEndpoints", "kv-app-pe"), "location": "westeurope",
        "subnet_id": t(sub("hub-vnet", "endpoints")), "custom_network_interface_name": "",
        "private_service_connection": [{"name": "kv-app-pe", "is_manual_connection": False, "private_connection_resource_id": t(KV),
                                        "subresource_names": ["vault"], "private_ip_address": "10.0.2.4", "request_message": ""}],
        "custom_dns_configs": [{"fqdn": "kv-app.vault.azure.net", "ip_addresses": ["10.0.2.4"]}],
        "network_interface": [{"id": t(PE_NIC), "name": PE_NIC.split("/")[-1]}], "ip_configuration": [], "private_dns_zone_group": []}),
]
dump("terraform/secured.plan.json", {"format_version": "1.2", "terraform_version": "1.9.5",
     "planned_values": {"root_module": {"resources": resources}}, "applyable": False, "complete": True, "errored": False})
