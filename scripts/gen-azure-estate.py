#!/usr/bin/env python3
"""Writes an Azure REST list response with a hub and N spokes (subnet, shared route table, peerings both ways).

Usage: scripts/gen-azure-estate.py N FILE. Used for the import speed figures in docs/import.md."""
import json, sys
n=int(sys.argv[1])
sub="00000000-0000-0000-0000-000000000001"
def rid(t,name): return f"/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Network/{t}/{name}"
res=[]
hub=rid("virtualNetworks","hub")
res.append({"id":hub,"name":"hub","type":"Microsoft.Network/virtualNetworks","location":"westeurope","properties":{"addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"subnets":[{"id":hub+"/subnets/AzureFirewallSubnet","name":"AzureFirewallSubnet","properties":{"addressPrefix":"10.0.0.0/26"}}],"virtualNetworkPeerings":[]}})
rt=rid("routeTables","spoke-rt")
res.append({"id":rt,"name":"spoke-rt","type":"Microsoft.Network/routeTables","location":"westeurope","properties":{"routes":[{"name":"default","id":rt+"/routes/default","properties":{"addressPrefix":"0.0.0.0/0","nextHopType":"VirtualAppliance","nextHopIpAddress":"10.0.0.4"}}]}})
for i in range(n):
    a,b=divmod(i+1,256)
    v=rid("virtualNetworks",f"spoke{i}")
    res.append({"id":v,"name":f"spoke{i}","type":"Microsoft.Network/virtualNetworks","location":"westeurope","tags":{"env":"prod","owner":"team"},
      "properties":{"addressSpace":{"addressPrefixes":[f"10.{64+a}.{b}.0/24"]},
      "subnets":[{"id":v+"/subnets/workload","name":"workload","properties":{"addressPrefix":f"10.{64+a}.{b}.0/25","routeTable":{"id":rt},"provisioningState":"Succeeded"}}],
      "virtualNetworkPeerings":[{"id":v+"/virtualNetworkPeerings/to-hub","name":"to-hub","properties":{"remoteVirtualNetwork":{"id":hub},"allowVirtualNetworkAccess":True,"allowForwardedTraffic":True,"peeringState":"Connected"}}]}})
    res[0]["properties"]["virtualNetworkPeerings"].append({"id":hub+f"/virtualNetworkPeerings/to-spoke{i}","name":f"to-spoke{i}","properties":{"remoteVirtualNetwork":{"id":v},"allowVirtualNetworkAccess":True,"allowForwardedTraffic":True,"peeringState":"Connected"}})
json.dump({"value":res},open(sys.argv[2],"w"),indent=2)
