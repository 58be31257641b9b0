// A small virtual network: one subnet for the function app's outbound traffic (Flex Consumption needs it
// delegated to Microsoft.App/environments) and one for private endpoints (Azure SQL).

@description('Name of the virtual network.')
param name string

@description('Azure region.')
param location string

@description('Tags put on every resource of this module.')
param tags object

@description('Address space of the virtual network, e.g. 10.60.0.0/16.')
param addressPrefix string

@description('Subnet for the function app integration, inside addressPrefix, at least /28.')
param functionSubnetPrefix string

@description('Subnet for private endpoints, inside addressPrefix.')
param privateEndpointSubnetPrefix string

resource vnet 'Microsoft.Network/virtualNetworks@2026-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'snet-functions'
        properties: {
          addressPrefix: functionSubnetPrefix
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'snet-private-endpoints'
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource functionSubnet 'subnets' existing = {
    name: 'snet-functions'
  }

  resource privateEndpointSubnet 'subnets' existing = {
    name: 'snet-private-endpoints'
  }
}

@description('Resource id of the virtual network.')
output vnetId string = vnet.id

@description('Resource id of the function integration subnet.')
output functionSubnetId string = vnet::functionSubnet.id

@description('Resource id of the private endpoint subnet.')
output privateEndpointSubnetId string = vnet::privateEndpointSubnet.id
