# Generates the Azure JSON fixtures of this folder (run here: python3 generate.py); devices.rest.json is written by hand.
# Shapes follow the Azure REST API specs examples and `az ... -o json` output.
import json
SUB="/subscriptions/00000000-0000-0000-0000-000000000000"
def rg(g, lower=False): return f"{SUB}/{'resourcegroups' if lower else 'resourceGroups'}/{g}"
def nid(g, t, n, lower=False): return f"{rg(g, lower)}/providers/Microsoft.Network/{t}/{n}"
def ref(i): return {"id": i}
def dump(name, obj):
    with open(name, "w") as f: json.dump(obj, f, indent=2); f.write("\n")

# ---------- (a) hub-spoke as a REST list response ----------
G="rg-hub"
vnet=lambda n: nid(G,"virtualNetworks",n)
sub=lambda v,s,lower=False: nid(G,"virtualNetworks",v,lower)+"/subnets/"+s
rt=lambda n: nid(G,"routeTables",n)
def peering(frm, name, to, hub):
    return {"name": name, "id": vnet(frm)+"/virtualNetworkPeerings/"+name,
            "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
            "properties": {"peeringState": "Connected", "remoteVirtualNetwork": ref(vnet(to)),
                           "allowVirtualNetworkAccess": True, "allowForwardedTraffic": True,
                           "allowGatewayTransit": hub, "useRemoteGateways": not hub,
                           "remoteAddressSpace": {"addressPrefixes": []}}}
def subnet(v, s, prefix, table=None, nsg=None, lower=False):
    p={"addressPrefix": prefix, "provisioningState": "Succeeded", "privateEndpointNetworkPolicies": "Disabled"}
    if table: p["routeTable"]=ref(rt(table))
    if nsg: p["networkSecurityGroup"]=ref(nid(G,"networkSecurityGroups",nsg))
    return {"name": s, "id": sub(v,s,lower), "type": "Microsoft.Network/virtualNetworks/subnets", "properties": p}
def vnetres(n, space, subnets, peerings):
    return {"name": n, "id": vnet(n), "type": "Microsoft.Network/virtualNetworks", "location": "westeurope",
            "properties": {"addressSpace": {"addressPrefixes": space}, "subnets": subnets, "virtualNetworkPeerings": peerings}}
def route(table, name, prefix, hop, ip=None):
    p={"addressPrefix": prefix, "nextHopType": hop}
    if ip: p["nextHopIpAddress"]=ip
    return {"name": name, "id": rt(table)+"/routes/"+name, "type": "Microsoft.Network/routeTables/routes", "properties": p}
def nic(name, v, s, ip, g=G):
    return {"name": name, "id": nid(g,"networkInterfaces",name), "type": "Microsoft.Network/networkInterfaces", "location": "westeurope",
            "properties": {"ipConfigurations": [{"name": "ipconfig1", "id": nid(g,"networkInterfaces",name)+"/ipConfigurations/ipconfig1",
                "properties": {"privateIPAddress": ip, "privateIPAllocationMethod": "Static", "subnet": ref(sub(v,s))}}],
                "enableIPForwarding": False}}
def vm(name, nicname):
    return {"name": name, "id": f"{rg(G)}/providers/Microsoft.Compute/virtualMachines/{name}", "type": "Microsoft.Compute/virtualMachines",
            "location": "westeurope", "properties": {"hardwareProfile": {"vmSize": "Standard_B2s"},
            "networkProfile": {"networkInterfaces": [{"id": nid(G,"networkInterfaces",nicname), "properties": {"primary": True}}]}}}
fwid=nid(G,"azureFirewalls","hub-fw")
hub_spoke={"value": [
  {"name": "hub-fw-pip", "id": nid(G,"publicIPAddresses","hub-fw-pip"), "type": "Microsoft.Network/publicIPAddresses", "location": "westeurope",
   "sku": {"name": "Standard"}, "properties": {"ipAddress": "20.50.100.10", "publicIPAllocationMethod": "Static", "publicIPAddressVersion": "IPv4"}},
  vnetres("hub-vnet", ["10.0.0.0/16"], [subnet("hub-vnet","AzureFirewallSubnet","10.0.1.0/26"),
      subnet("hub-vnet","GatewaySubnet","10.0.2.0/27","gateway-rt"), subnet("hub-vnet","shared","10.0.3.0/24","spoke-rt","shared-nsg")],
      [peering("hub-vnet","hub-to-spoke1","spoke1-vnet",True), peering("hub-vnet","hub-to-spoke2","spoke2-vnet",True)]),
  vnetres("spoke1-vnet", ["10.1.0.0/16"], [subnet("spoke1-vnet","workload","10.1.1.0/24","spoke-rt")], []),
  peering("spoke1-vnet","spoke1-to-hub","hub-vnet",False),
  vnetres("spoke2-vnet", ["10.2.0.0/16"], [subnet("spoke2-vnet","workload","10.2.1.0/24","spoke-rt")],
      [peering("spoke2-vnet","spoke2-to-hub","hub-vnet",False)]),
  {"name": "spoke-rt", "id": rt("spoke-rt"), "type": "Microsoft.Network/routeTables", "location": "westeurope",
   "properties": {"disableBgpRoutePropagation": True, "routes": [route("spoke-rt","default-to-firewall","0.0.0.0/0","VirtualAppliance","10.0.1.4")]}},
  {"name": "gateway-rt", "id": rt("gateway-rt"), "type": "Microsoft.Network/routeTables", "location": "westeurope",
   "properties": {"disableBgpRoutePropagation": False}},
  route("gateway-rt","spoke1-via-firewall","10.1.0.0/16","VirtualAppliance","10.0.1.4"),
  route("gateway-rt","spoke2-via-firewall","10.2.0.0/16","VirtualAppliance","10.0.1.4"),
  route("gateway-rt","shared-via-firewall","10.0.3.0/24","VirtualAppliance","10.0.1.4"),
  {"name": "hub-vpngw", "id": nid(G,"virtualNetworkGateways","hub-vpngw"), "type": "Microsoft.Network/virtualNetworkGateways", "location": "westeurope",
   "properties": {"gatewayType": "Vpn", "vpnType": "RouteBased", "enableBgp": True, "sku": {"name": "VpnGw1", "tier": "VpnGw1"},
     "ipConfigurations": [{"name": "default", "id": nid(G,"virtualNetworkGateways","hub-vpngw")+"/ipConfigurations/default",
       "properties": {"privateIPAllocationMethod": "Dynamic", "subnet": ref(sub("hub-vnet","GatewaySubnet",True))}}]}},
  {"name": "datacenter", "id": nid(G,"localNetworkGateways","datacenter"), "type": "Microsoft.Network/localNetworkGateways", "location": "westeurope",
   "properties": {"gatewayIpAddress": "203.0.113.10", "localNetworkAddressSpace": {"addressPrefixes": ["192.168.0.0/16"]}}},
  {"name": "hub-to-datacenter", "id": nid(G,"connections","hub-to-datacenter"), "type": "Microsoft.Network/connections", "location": "westeurope",
   "properties": {"connectionType": "IPsec", "virtualNetworkGateway1": ref(nid(G,"virtualNetworkGateways","hub-vpngw")),
     "localNetworkGateway2": ref(nid(G,"localNetworkGateways","datacenter")), "routingWeight": 0}},
  {"name": "hub-fw", "id": fwid, "type": "Microsoft.Network/azureFirewalls", "location": "westeurope",
   "properties": {"sku": {"name": "AZFW_VNet", "tier": "Standard"}, "threatIntelMode": "Alert",
     "ipConfigurations": [{"name": "fw-ipconfig", "id": fwid+"/azureFirewallIpConfigurations/fw-ipconfig",
        "properties": {"privateIPAddress": "10.0.1.4", "subnet": ref(sub("hub-vnet","AzureFirewallSubnet")),
                       "publicIPAddress": ref(nid(G,"publicIPAddresses","hub-fw-pip"))}}],
     "networkRuleCollections": [{"name": "east-west", "id": fwid+"/networkRuleCollections/east-west",
        "properties": {"priority": 100, "action": {"type": "Allow"}, "rules": [
          {"name": "spoke-to-spoke", "protocols": ["TCP"], "sourceAddresses": ["10.1.0.0/16","10.2.0.0/16"], "destinationAddresses": ["10.1.0.0/16","10.2.0.0/16"], "destinationPorts": ["22","443"]},
          {"name": "onprem-to-azure", "protocols": ["TCP"], "sourceAddresses": ["192.168.0.0/16"], "destinationAddresses": ["10.0.0.0/8"], "destinationPorts": ["22","443"]},
          {"name": "azure-to-onprem", "protocols": ["TCP"], "sourceAddresses": ["10.0.0.0/8"], "destinationAddresses": ["192.168.0.0/16"], "destinationPorts": ["443"]}]}}],
     "applicationRuleCollections": [{"name": "internet-egress", "id": fwid+"/applicationRuleCollections/internet-egress",
        "properties": {"priority": 200, "action": {"type": "Allow"}, "rules": [
          {"name": "updates", "sourceAddresses": ["10.1.0.0/16","10.2.0.0/16"], "protocols": [{"protocolType": "Https", "port": 443}], "targetFqdns": ["packages.microsoft.com"]}]}}],
     "natRuleCollections": []}},
  nic("spoke1-vm-nic","spoke1-vnet","workload","10.1.1.4"), vm("spoke1-vm","spoke1-vm-nic"),
  nic("spoke2-vm-nic","spoke2-vnet","workload","10.2.1.4"), vm("spoke2-vm","spoke2-vm-nic"),
  nic("shared-dns-nic","hub-vnet","shared","10.0.3.4"), vm("shared-dns","shared-dns-nic"),
  {"name": "shared-nsg", "id": nid(G,"networkSecurityGroups","shared-nsg"), "type": "Microsoft.Network/networkSecurityGroups", "location": "westeurope",
   "properties": {"securityRules": [{"name": "allow-ssh", "properties": {"priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
      "sourceAddressPrefix": "192.168.0.0/16", "destinationAddressPrefix": "*", "sourcePortRange": "*", "destinationPortRange": "22"}}]}},
]}
dump("hub-spoke.rest.json", hub_spoke)

# ---------- (b) udr-firewall as az ... list -o json (flattened) ----------
A="rg-aks"; MC="MC_rg-aks_aks-udr_westeurope"
asub=lambda s: nid(A,"virtualNetworks","aks-vnet")+"/subnets/"+s
vmss=f"{rg(MC)}/providers/Microsoft.Compute/virtualMachineScaleSets/aks-aks-nodes-12345678-vmss"
fw=nid(A,"azureFirewalls","hub-firewall")
def aznic(i, ip):
    i_d=f"{vmss}/virtualMachines/{i}/networkInterfaces/aks-aks-nodes-12345678-vmss"
    return {"id": i_d, "name": "aks-aks-nodes-12345678-vmss", "type": "Microsoft.Network/networkInterfaces", "location": "westeurope",
            "resourceGroup": MC, "enableIPForwarding": False, "primary": True, "provisioningState": "Succeeded",
            "ipConfigurations": [{"id": i_d+"/ipConfigurations/ipconfig1", "name": "ipconfig1", "primary": True, "privateIPAddress": ip,
               "privateIPAllocationMethod": "Dynamic", "resourceGroup": MC, "subnet": {"id": asub("aks-subnet"), "resourceGroup": A}}],
            "virtualMachine": {"id": f"{vmss}/virtualMachines/{i}", "resourceGroup": MC}}
udr=[
  {"id": nid(A,"publicIPAddresses","firewall-publicip"), "name": "firewall-publicip", "type": "Microsoft.Network/publicIPAddresses", "location": "westeurope",
   "resourceGroup": A, "ipAddress": "20.229.246.163", "publicIPAddressVersion": "IPv4", "publicIPAllocationMethod": "Static",
   "sku": {"name": "Standard", "tier": "Regional"}, "provisioningState": "Succeeded"},
  {"id": nid(A,"virtualNetworks","aks-vnet"), "name": "aks-vnet", "type": "Microsoft.Network/virtualNetworks", "location": "westeurope",
   "resourceGroup": A, "addressSpace": {"addressPrefixes": ["10.42.0.0/16"]}, "provisioningState": "Succeeded",
   "subnets": [
     {"id": asub("aks-subnet"), "name": "aks-subnet", "addressPrefix": "10.42.1.0/24", "resourceGroup": A, "type": "Microsoft.Network/virtualNetworks/subnets",
      "routeTable": {"id": nid(A,"routeTables","firewall-routetable"), "resourceGroup": A}, "provisioningState": "Succeeded",
      "privateEndpointNetworkPolicies": "Disabled"},
     {"id": asub("AzureFirewallSubnet"), "name": "AzureFirewallSubnet", "addressPrefix": "10.42.2.0/24", "resourceGroup": A,
      "type": "Microsoft.Network/virtualNetworks/subnets", "provisioningState": "Succeeded"}],
   "virtualNetworkPeerings": []},
  {"id": nid(A,"routeTables","firewall-routetable"), "name": "firewall-routetable", "type": "Microsoft.Network/routeTables", "location": "westeurope",
   "resourceGroup": A, "disableBgpRoutePropagation": False, "provisioningState": "Succeeded",
   "routes": [
     {"id": nid(A,"routeTables","firewall-routetable")+"/routes/firewall-route", "name": "firewall-route", "addressPrefix": "0.0.0.0/0",
      "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.42.2.4", "resourceGroup": A, "type": "Microsoft.Network/routeTables/routes"},
     {"id": nid(A,"routeTables","firewall-routetable")+"/routes/firewall-route-internet", "name": "firewall-route-internet",
      "addressPrefix": "20.229.246.163/32", "nextHopType": "Internet", "resourceGroup": A, "type": "Microsoft.Network/routeTables/routes"}]},
  {"id": fw, "name": "hub-firewall", "type": "Microsoft.Network/azureFirewalls", "location": "westeurope", "resourceGroup": A,
   "sku": {"name": "AZFW_VNet", "tier": "Standard"}, "threatIntelMode": "Alert", "provisioningState": "Succeeded",
   "ipConfigurations": [{"id": fw+"/azureFirewallIpConfigurations/fw-config", "name": "fw-config", "privateIPAddress": "10.42.2.4",
      "publicIPAddress": {"id": nid(A,"publicIPAddresses","firewall-publicip"), "resourceGroup": A},
      "subnet": {"id": asub("AzureFirewallSubnet"), "resourceGroup": A}, "resourceGroup": A}],
   "natRuleCollections": [],
   "networkRuleCollections": [{"id": fw+"/networkRuleCollections/aksfwnr", "name": "aksfwnr", "priority": 100, "action": {"type": "Allow"},
      "resourceGroup": A, "rules": [
        {"name": "apiudp", "protocols": ["UDP"], "sourceAddresses": ["*"], "destinationAddresses": ["AzureCloud.westeurope"], "destinationPorts": ["1194"], "destinationFqdns": [], "sourceIpGroups": [], "destinationIpGroups": []},
        {"name": "apitcp", "protocols": ["TCP"], "sourceAddresses": ["*"], "destinationAddresses": ["AzureCloud.westeurope"], "destinationPorts": ["9000"], "destinationFqdns": [], "sourceIpGroups": [], "destinationIpGroups": []},
        {"name": "time", "protocols": ["UDP"], "sourceAddresses": ["*"], "destinationAddresses": [], "destinationFqdns": ["ntp.ubuntu.com"], "destinationPorts": ["123"], "sourceIpGroups": [], "destinationIpGroups": []}]}],
   "applicationRuleCollections": [
     {"id": fw+"/applicationRuleCollections/aksfwar", "name": "aksfwar", "priority": 100, "action": {"type": "Allow"}, "resourceGroup": A, "rules": [
        {"name": "fqdn", "sourceAddresses": ["*"], "protocols": [{"protocolType": "Http", "port": 80}, {"protocolType": "Https", "port": 443}], "fqdnTags": ["AzureKubernetesService"], "targetFqdns": [], "sourceIpGroups": []}]},
     {"id": fw+"/applicationRuleCollections/dockerhub-registry", "name": "dockerhub-registry", "priority": 200, "action": {"type": "Allow"}, "resourceGroup": A, "rules": [
        {"name": "dockerhub-registry", "sourceAddresses": ["*"], "protocols": [{"protocolType": "Https", "port": 443}], "fqdnTags": [],
         "targetFqdns": ["hub.docker.com", "registry-1.docker.io", "production.cloudflare.docker.com", "auth.docker.io", "cdn.auth0.com", "login.docker.com"], "sourceIpGroups": []}]},
     {"id": fw+"/applicationRuleCollections/ifconfig", "name": "ifconfig", "priority": 300, "action": {"type": "Allow"}, "resourceGroup": A, "rules": [
        {"name": "ifconfig", "sourceAddresses": ["*"], "protocols": [{"protocolType": "Http", "port": 80}], "fqdnTags": [], "targetFqdns": ["ifconfig.me"], "sourceIpGroups": []}]}]},
  {"id": f"{rg(A)}/providers/Microsoft.ContainerService/managedClusters/aks-udr", "name": "aks-udr", "type": "Microsoft.ContainerService/managedClusters",
   "location": "westeurope", "resourceGroup": A, "kubernetesVersion": "1.30.6", "nodeResourceGroup": MC, "dnsPrefix": "aks-udr",
   "agentPoolProfiles": [{"name": "aks-nodes", "count": 3, "vmSize": "Standard_D2s_v5", "mode": "System", "osType": "Linux",
      "vnetSubnetId": asub("aks-subnet"), "type": "VirtualMachineScaleSets"}],
   "networkProfile": {"networkPlugin": "azure", "outboundType": "userDefinedRouting", "serviceCidr": "10.0.0.0/16", "dnsServiceIp": "10.0.0.10",
      "loadBalancerSku": "standard"}},
  {"id": vmss, "name": "aks-aks-nodes-12345678-vmss", "type": "Microsoft.Compute/virtualMachineScaleSets", "location": "westeurope",
   "resourceGroup": MC, "tags": {"aks-managed-poolName": "aks-nodes", "aks-managed-createOperationID": "0"},
   "sku": {"name": "Standard_D2s_v5", "capacity": 3}, "provisioningState": "Succeeded"},
  aznic(0, "10.42.1.4"), aznic(1, "10.42.1.5"), aznic(2, "10.42.1.6"),
]
dump("udr-firewall.az.json", udr)

# ---------- small shapes ----------
V=nid("rg-shapes","virtualNetworks","shape-vnet")
small_vnet={"name": "shape-vnet", "id": V, "type": "Microsoft.Network/virtualNetworks", "location": "westeurope",
  "properties": {"addressSpace": {"addressPrefixes": ["10.9.0.0/16"]},
    "subnets": [{"name": "app", "id": V+"/subnets/app", "properties": {"addressPrefixes": ["10.9.1.0/24"]}}]}}
dump("shape-rest-example.json", {"parameters": {"subscriptionId": "00000000-0000-0000-0000-000000000000", "resourceGroupName": "rg-shapes",
  "virtualNetworkName": "shape-vnet", "api-version": "2024-05-01"}, "responses": {"200": {"body": small_vnet}}})
dump("shape-nextlink.json", {"value": [small_vnet, {"name": "shape-pip", "id": nid("rg-shapes","publicIPAddresses","shape-pip"),
  "type": "Microsoft.Network/publicIPAddresses", "properties": {"publicIPAllocationMethod": "Dynamic"}}],
  "nextLink": "https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Network/virtualNetworks?api-version=2024-05-01&$skiptoken=abc"})
dump("shape-resource-graph.json", {"count": 2, "data": [
  {"id": V.lower().replace("resourcegroups", "resourcegroups"), "name": "shape-vnet", "type": "microsoft.network/virtualnetworks", "location": "westeurope",
   "resourceGroup": "rg-shapes", "subscriptionId": "00000000-0000-0000-0000-000000000000", "tenantId": "11111111-1111-1111-1111-111111111111",
   "kind": "", "tags": {}, "properties": {"addressSpace": {"addressPrefixes": ["10.9.0.0/16"]},
   "subnets": [{"name": "app", "id": V+"/subnets/app", "properties": {"addressPrefix": "10.9.1.0/24",
     "routeTable": {"id": nid("rg-shapes","routeTables","shape-rt", lower=True).upper()}}}]}},
  {"id": nid("rg-shapes","routeTables","shape-rt", lower=True).lower(), "name": "shape-rt", "type": "microsoft.network/routetables", "location": "westeurope",
   "resourceGroup": "rg-shapes", "properties": {"routes": [{"name": "default", "properties": {"addressPrefix": "0.0.0.0/0", "nextHopType": "internet"}}]}}],
  "skip_token": None, "total_records": 2})
dump("shape-az-flattened.json", {"addressSpace": {"addressPrefixes": ["10.9.0.0/16"]}, "id": V, "location": "westeurope", "name": "shape-vnet",
  "provisioningState": "Succeeded", "resourceGroup": "rg-shapes", "type": "Microsoft.Network/virtualNetworks",
  "subnets": [{"addressPrefix": "10.9.1.0/24", "id": V+"/subnets/app", "name": "app", "resourceGroup": "rg-shapes"}],
  "virtualNetworkPeerings": []})
dump("shape-lowercase.json", [
  {"id": f"{rg('rg-shapes', True)}/providers/microsoft.network/virtualnetworks/shape-vnet", "name": "shape-vnet", "type": "microsoft.network/virtualnetworks",
   "properties": {"addressSpace": {"addressPrefixes": "10.9.0.0/16"}}},
  {"id": f"{rg('rg-shapes', True)}/providers/microsoft.network/virtualnetworks/shape-vnet/subnets/app", "name": "shape-vnet/app",
   "type": "microsoft.network/virtualnetworks/subnets", "properties": {"addressPrefix": "10.9.1.0/24"}},
  {"id": f"{rg('rg-shapes', True)}/providers/microsoft.network/networkinterfaces/app-nic", "name": "app-nic", "type": "microsoft.network/networkinterfaces",
   "properties": {"ipConfigurations": [{"name": "ipconfig1", "properties": {"privateIPAddress": "10.9.1.10",
     "subnet": {"id": f"{rg('rg-shapes')}/providers/Microsoft.Network/virtualNetworks/SHAPE-VNET/subnets/app"}}}]}},
  {"id": f"{rg('rg-shapes', True)}/providers/microsoft.network/bastionhosts/bastion", "name": "bastion", "type": "microsoft.network/bastionhosts", "properties": {}}])
