// One storage account with the security baseline every account of the product shares: no anonymous blob
// access, no shared-key (account key or SAS) access, TLS 1.2, HTTPS only, Entra ID as the portal default.
// Data protection (versioning, soft delete, point-in-time restore) and lifecycle rules are switched per account.

@description('Storage account name: 3-24 lower-case letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the account.')
param location string

@description('Tags put on every resource of this module.')
param tags object

@description('Blob containers to create (all private).')
param containerNames array

@description('Queues to create.')
param queueNames array = []

@description('Keep every overwritten blob as a version, so nothing is lost by an overwrite.')
param enableVersioning bool

@description('Days a deleted blob or container stays recoverable (soft delete). 2-365.')
@minValue(2)
@maxValue(365)
param softDeleteRetentionDays int

@description('Enable point-in-time restore of block blobs (needs versioning and the change feed); restorable for one day less than the soft-delete retention.')
param enablePointInTimeRestore bool = false

@description('Lifecycle management rules (Microsoft.Storage managementPolicies rule objects); none when empty.')
param lifecycleRules array = []

@description('Redundancy of the account, e.g. Standard_LRS for dev, Standard_ZRS for prod.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_LRS'

resource account 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    // Every client (Functions host, blob trigger, app code, Event Grid) uses Entra ID, so keys are switched off.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: {
          enabled: true
          keyType: 'Account'
        }
        file: {
          enabled: true
          keyType: 'Account'
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: enableVersioning
    changeFeed: {
      enabled: enablePointInTimeRestore
      retentionInDays: enablePointInTimeRestore ? softDeleteRetentionDays : null
    }
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    restorePolicy: {
      enabled: enablePointInTimeRestore
      days: enablePointInTimeRestore ? softDeleteRetentionDays - 1 : null
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = if (!empty(queueNames)) {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2026-06-01' = if (!empty(lifecycleRules)) {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: lifecycleRules
    }
  }
  dependsOn: [
    containers
  ]
}

@description('Resource id of the account.')
output id string = account.id

@description('Name of the account.')
output name string = account.name

@description('Blob endpoint, ending in a slash.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Queue endpoint, ending in a slash.')
output queueEndpoint string = account.properties.primaryEndpoints.queue
