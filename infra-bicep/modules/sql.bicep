// Azure SQL logical server with Entra-only authentication (no SQL logins, no password anywhere), a serverless
// database for the data mart, and a private endpoint. Public network access stays off unless firewall rules
// are given (e.g. for an operator's address during the one-time post-deployment step).

@description('Name of the logical SQL server (globally unique, lower case).')
param serverName string

@description('Name of the mart database.')
param databaseName string

@description('Azure region.')
param location string

@description('Tags put on every resource of this module.')
param tags object

@description('Display name of the Entra principal (preferably a group of operators) that administers the server.')
param administratorLogin string

@description('Object id of that Entra principal.')
param administratorObjectId string

@description('Kind of that Entra principal.')
@allowed([
  'Group'
  'User'
  'Application'
])
param administratorPrincipalType string

@description('Firewall rules { name, startIpAddress, endIpAddress }; public network access is enabled only when this is not empty.')
param firewallRules array

@description('Serverless maximum vCores (GP_S_Gen5 capacity).')
@allowed([
  1
  2
  4
  6
  8
])
param maxVCores int

@description('Serverless minimum vCores, as a decimal string, e.g. 0.5.')
param minVCores string

@description('Minutes of inactivity before the serverless database pauses; -1 never pauses.')
param autoPauseDelayMinutes int

@description('Maximum database size in bytes.')
param maxSizeBytes int

@description('Backup storage redundancy.')
@allowed([
  'Local'
  'Zone'
  'Geo'
])
param backupStorageRedundancy string

@description('Resource id of the subnet for the private endpoint.')
param privateEndpointSubnetId string

@description('Resource id of the virtual network that resolves the private DNS zone.')
param vnetId string

resource server 'Microsoft.Sql/servers@2025-01-01' = {
  name: serverName
  location: location
  tags: tags
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: empty(firewallRules) ? 'Disabled' : 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: administratorLogin
      sid: administratorObjectId
      principalType: administratorPrincipalType
      tenantId: tenant().tenantId
    }
  }
}

resource database 'Microsoft.Sql/servers/databases@2025-01-01' = {
  parent: server
  name: databaseName
  location: location
  tags: tags
  sku: {
    name: 'GP_S_Gen5'
    tier: 'GeneralPurpose'
    family: 'Gen5'
    capacity: maxVCores
  }
  properties: {
    autoPauseDelay: autoPauseDelayMinutes
    minCapacity: json(minVCores)
    maxSizeBytes: maxSizeBytes
    collation: 'SQL_Latin1_General_CP1_CI_AS'
    requestedBackupStorageRedundancy: backupStorageRedundancy
    zoneRedundant: false
  }
}

resource firewall 'Microsoft.Sql/servers/firewallRules@2025-01-01' = [
  for rule in firewallRules: {
    parent: server
    name: rule.name
    properties: {
      startIpAddress: rule.startIpAddress
      endIpAddress: rule.endIpAddress
    }
  }
]

resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink${environment().suffixes.sqlServerHostname}'
  location: 'global'
  tags: tags
}

resource privateDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: privateDnsZone
  name: 'sql-link'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnetId
    }
  }
}

resource privateEndpoint 'Microsoft.Network/privateEndpoints@2026-03-01' = {
  name: 'pe-${serverName}'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'sql'
        properties: {
          privateLinkServiceId: server.id
          groupIds: [
            'sqlServer'
          ]
        }
      }
    ]
  }

  resource dnsGroup 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: 'sql'
          properties: {
            privateDnsZoneId: privateDnsZone.id
          }
        }
      ]
    }
  }
}

@description('Name of the logical server.')
output serverName string = server.name

@description('Fully qualified domain name of the server.')
output serverFqdn string = server.properties.fullyQualifiedDomainName

@description('Name of the mart database.')
output databaseName string = database.name
