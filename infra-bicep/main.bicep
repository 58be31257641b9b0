// The Azure side of the integration business cases: data storage, the Functions app on Flex Consumption,
// Azure SQL for the mart, monitoring, networking and least-privilege roles. Deploy into one resource group:
//   az deployment group create -g <rg> -f infra-bicep/main.bicep -p infra-bicep/environments/<env>.bicepparam
// See docs/deploy.md for the two-step deployment (the blob Event Grid subscription needs the published code).

targetScope = 'resourceGroup'

@description('Short product name used in every resource name: 3-8 lower-case letters or digits.')
@minLength(3)
@maxLength(8)
param baseName string = 'intcase'

@description('Environment the deployment is for; part of every resource name.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('Azure region for all resources; defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Tags put on every resource.')
param tags object = {
  product: 'integration-business-cases'
  environment: environmentName
}

@description('Display name of the Entra group (or user / application) that administers Azure SQL. SQL is Entra-only: there is no SQL login and no password.')
@minLength(1)
param sqlAdministratorLogin string

@description('Object id (GUID) of that Entra principal.')
@minLength(36)
@maxLength(36)
param sqlAdministratorObjectId string

@description('Kind of the SQL administrator principal.')
@allowed([
  'Group'
  'User'
  'Application'
])
param sqlAdministratorPrincipalType string = 'Group'

@description('SQL firewall rules { name, startIpAddress, endIpAddress }. Empty (the default) keeps public network access off; the app reaches SQL on its private endpoint.')
param sqlFirewallRules array = []

@description('Serverless database: maximum vCores.')
@allowed([
  1
  2
  4
  6
  8
])
param sqlMaxVCores int = 1

@description('Serverless database: minimum vCores as a decimal string.')
param sqlMinVCores string = '0.5'

@description('Serverless database: minutes idle before it pauses (-1: never).')
param sqlAutoPauseDelayMinutes int = 60

@description('Maximum size of the mart database in GB.')
@minValue(1)
@maxValue(1024)
param sqlMaxSizeGB int = 32

@description('Backup storage redundancy of the mart database.')
@allowed([
  'Local'
  'Zone'
  'Geo'
])
param sqlBackupStorageRedundancy string = 'Local'

@description('Redundancy of the data storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param dataStorageSku string = 'Standard_LRS'

@description('Days a deleted or overwritten blob (and a deleted container) stays recoverable in the data account.')
@minValue(7)
@maxValue(365)
param dataSoftDeleteRetentionDays int = 14

@description('Days after which a finished run under mart/runs/ moves to the cool tier.')
@minValue(1)
param martRunsCoolAfterDays int = 30

@description('Days after which a finished run under mart/runs/ is deleted (it stays recoverable for the soft-delete period).')
@minValue(31)
param martRunsDeleteAfterDays int = 400

@description('Days after which an overwritten (non-current) blob version is deleted.')
@minValue(1)
param previousVersionsDeleteAfterDays int = 90

@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Flex Consumption: upper bound of instances.')
@minValue(40)
@maxValue(1000)
param functionMaximumInstanceCount int = 40

@description('Flex Consumption: memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

@description('Step 2 of the deployment: create the Event Grid subscription for the blob trigger. Set to true only after the function code is published (the webhook needs the host\'s blobs_extension key).')
param enableBlobEventSubscription bool = false

@description('Address space of the virtual network.')
param vnetAddressPrefix string = '10.60.0.0/16'

@description('Subnet for the function app\'s outbound traffic.')
param functionSubnetPrefix string = '10.60.0.0/24'

@description('Subnet for private endpoints.')
param privateEndpointSubnetPrefix string = '10.60.1.0/24'

@description('Object ids of Entra groups (e.g. the analysts who deliver files) allowed to upload to the inputs container.')
param inputUploaderGroupObjectIds array = []

@description('Application (client) id of the Entra app registration that users sign in to before they see the calculation tool (docs/deploy.md, "Sign-in"). Sign-in is always on: the page and its API have no other gate.')
@minLength(36)
@maxLength(36)
param signInClientId string

// Names: <type>-<baseName>-<env>-<suffix>; the suffix makes global names unique per subscription, group and env.
var suffix = take(uniqueString(subscription().id, resourceGroup().id, baseName, environmentName), 8)
var names = {
  identity: 'id-${baseName}-${environmentName}-${suffix}'
  dataStorage: 'st${baseName}${environmentName}${suffix}'
  hostStorage: 'sf${baseName}${environmentName}${suffix}'
  workspace: 'log-${baseName}-${environmentName}-${suffix}'
  appInsights: 'appi-${baseName}-${environmentName}-${suffix}'
  plan: 'asp-${baseName}-${environmentName}-${suffix}'
  functionApp: 'func-${baseName}-${environmentName}-${suffix}'
  sqlServer: 'sql-${baseName}-${environmentName}-${suffix}'
  sqlDatabase: 'sqldb-${baseName}-mart'
  vnet: 'vnet-${baseName}-${environmentName}-${suffix}'
  systemTopic: 'evgt-${baseName}-${environmentName}-${suffix}'
}

// The areas of the pipeline: the same names as the defaults of StorageOptions in
// src/IntegrationCases.Pipeline/Storage/StorageOptions.cs (the infrastructure tests hold them together).
var appStorage = {
  inputsContainer: 'inputs'
  curatedContainer: 'curated'
  rejectedContainer: 'rejected'
  martContainer: 'mart'
  extractsContainer: 'extracts'
  recomputeQueue: 'recompute-requests'
  uncertaintyQueue: 'uncertainty-shards'
}
var deadLetterContainer = 'eventgrid-deadletter'
var deploymentContainer = 'app-package'
var blobTriggerFunctionName = 'IngestInputBlob'

// Role definitions (built-in, same GUID in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.identity
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    telemetryPublisherPrincipalId: identity.properties.principalId
    telemetryPublisherResourceId: identity.id
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    name: names.vnet
    location: location
    tags: tags
    addressPrefix: vnetAddressPrefix
    functionSubnetPrefix: functionSubnetPrefix
    privateEndpointSubnetPrefix: privateEndpointSubnetPrefix
  }
}

// The pipeline's data: versioned, soft-deleted, restorable to a point in time; old runs age out.
module dataStorage 'modules/storage.bicep' = {
  name: 'storage-data'
  params: {
    name: names.dataStorage
    location: location
    tags: tags
    skuName: dataStorageSku
    containerNames: [
      appStorage.inputsContainer
      appStorage.curatedContainer
      appStorage.rejectedContainer
      appStorage.martContainer
      appStorage.extractsContainer
      deadLetterContainer
    ]
    queueNames: [
      appStorage.recomputeQueue
      appStorage.uncertaintyQueue
    ]
    enableVersioning: true
    softDeleteRetentionDays: dataSoftDeleteRetentionDays
    enablePointInTimeRestore: true
    lifecycleRules: [
      {
        name: 'age-out-old-runs'
        enabled: true
        type: 'Lifecycle'
        definition: {
          filters: {
            blobTypes: [
              'blockBlob'
            ]
            prefixMatch: [
              '${appStorage.martContainer}/runs/'
            ]
          }
          actions: {
            baseBlob: {
              tierToCool: {
                daysAfterModificationGreaterThan: martRunsCoolAfterDays
              }
              delete: {
                daysAfterModificationGreaterThan: martRunsDeleteAfterDays
              }
            }
          }
        }
      }
      {
        name: 'delete-old-versions'
        enabled: true
        type: 'Lifecycle'
        definition: {
          filters: {
            blobTypes: [
              'blockBlob'
            ]
          }
          actions: {
            version: {
              delete: {
                daysAfterCreationGreaterThan: previousVersionsDeleteAfterDays
              }
            }
          }
        }
      }
    ]
  }
}

// The Functions host's own storage (AzureWebJobsStorage) and the deployment package; no versioning needed
// (the host rewrites lease and lock blobs), soft delete kept.
module hostStorage 'modules/storage.bicep' = {
  name: 'storage-host'
  params: {
    name: names.hostStorage
    location: location
    tags: tags
    containerNames: [
      deploymentContainer
    ]
    enableVersioning: false
    softDeleteRetentionDays: 7
  }
}

// The app's identity on the host account: the Functions host keeps leases, keys and locks in blobs
// (Owner is what the Functions runtime documents for AzureWebJobsStorage) and uses queues internally.
module hostStorageRoles 'modules/storageRoles.bicep' = {
  name: 'roles-host-storage'
  params: {
    storageAccountName: names.hostStorage
    principalId: identity.properties.principalId
    principalKey: identity.id
    accountRoleIds: [
      roles.storageBlobDataOwner // b7e6dc6d-f1e8-4753-8033-0f276bb0955b Storage Blob Data Owner
      roles.storageQueueDataContributor // 974c5e8b-45b9-4653-ba55-5f855dd0fb88 Storage Queue Data Contributor
    ]
  }
  dependsOn: [
    hostStorage
  ]
}

// The app's identity on the data account: read and write blobs in its containers (and create them if missing),
// send and receive recompute messages; Owner only on the inputs container, as the blob trigger documents.
module dataStorageRoles 'modules/storageRoles.bicep' = {
  name: 'roles-data-storage'
  params: {
    storageAccountName: names.dataStorage
    principalId: identity.properties.principalId
    principalKey: identity.id
    accountRoleIds: [
      roles.storageBlobDataContributor // ba92f5b4-2d11-453d-a403-e96b0029c9fe Storage Blob Data Contributor
      roles.storageQueueDataContributor // 974c5e8b-45b9-4653-ba55-5f855dd0fb88 Storage Queue Data Contributor
    ]
    containerRoles: [
      {
        containerName: appStorage.inputsContainer
        roleId: roles.storageBlobDataOwner // b7e6dc6d-f1e8-4753-8033-0f276bb0955b Storage Blob Data Owner
      }
    ]
  }
  dependsOn: [
    dataStorage
  ]
}

// People who deliver input files: write to the inputs container only.
module uploaderRoles 'modules/storageRoles.bicep' = [
  for (objectId, i) in inputUploaderGroupObjectIds: {
    name: 'roles-uploader-${i}'
    params: {
      storageAccountName: names.dataStorage
      principalId: objectId
      principalKey: objectId
      principalType: 'Group'
      containerRoles: [
        {
          containerName: appStorage.inputsContainer
          roleId: roles.storageBlobDataContributor // ba92f5b4-2d11-453d-a403-e96b0029c9fe Storage Blob Data Contributor
        }
      ]
    }
    dependsOn: [
      dataStorage
    ]
  }
]

module sql 'modules/sql.bicep' = {
  name: 'sql'
  params: {
    serverName: names.sqlServer
    databaseName: names.sqlDatabase
    location: location
    tags: tags
    administratorLogin: sqlAdministratorLogin
    administratorObjectId: sqlAdministratorObjectId
    administratorPrincipalType: sqlAdministratorPrincipalType
    firewallRules: sqlFirewallRules
    maxVCores: sqlMaxVCores
    minVCores: sqlMinVCores
    autoPauseDelayMinutes: sqlAutoPauseDelayMinutes
    maxSizeBytes: sqlMaxSizeGB * 1024 * 1024 * 1024
    backupStorageRedundancy: sqlBackupStorageRedundancy
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    vnetId: network.outputs.vnetId
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'function-app'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.id
    hostBlobEndpoint: hostStorage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainer
    subnetId: network.outputs.functionSubnetId
    maximumInstanceCount: functionMaximumInstanceCount
    instanceMemoryMB: functionInstanceMemoryMB
    appSettings: {
      // Functions host storage, identity-based (no AzureWebJobsStorage connection string).
      AzureWebJobsStorage__accountName: names.hostStorage
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      // Connection 'IntegrationStorage' of the blob trigger (inputs) and the queue trigger (recompute requests).
      IntegrationStorage__blobServiceUri: dataStorage.outputs.blobEndpoint
      IntegrationStorage__queueServiceUri: dataStorage.outputs.queueEndpoint
      IntegrationStorage__credential: 'managedidentity'
      IntegrationStorage__clientId: identity.properties.clientId
      // StorageOptions (section 'Storage') of the pipeline.
      Storage__BlobServiceUri: dataStorage.outputs.blobEndpoint
      Storage__QueueServiceUri: dataStorage.outputs.queueEndpoint
      Storage__InputsContainer: appStorage.inputsContainer
      Storage__CuratedContainer: appStorage.curatedContainer
      Storage__RejectedContainer: appStorage.rejectedContainer
      Storage__MartContainer: appStorage.martContainer
      Storage__ExtractsContainer: appStorage.extractsContainer
      Storage__RecomputeQueue: appStorage.recomputeQueue
      Storage__UncertaintyQueue: appStorage.uncertaintyQueue
      // Azure SQL with the app's managed identity: no password. User Id is the identity's client id.
      Sql__ConnectionString: 'Server=tcp:${sql.outputs.serverFqdn},1433;Database=${sql.outputs.databaseName};Authentication=Active Directory Managed Identity;User Id=${identity.properties.clientId};Encrypt=True;TrustServerCertificate=False;Connection Timeout=30'
      // DefaultAzureCredential in the app code picks the user-assigned identity by this client id.
      AZURE_CLIENT_ID: identity.properties.clientId
      // Telemetry: the connection string names the endpoint; ingestion is authorised with the identity (Entra).
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
      // Sign-in to the calculation tool (modules/appSignIn.bicep): the identity is the app registration's
      // federated credential, so there is no client secret; only this tenant's users get in.
      OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID: identity.properties.clientId
      WEBSITE_AUTH_AAD_ALLOWED_TENANTS: tenant().tenantId
      // The calculation tool is the page at '/', not the host's default welcome page.
      AzureWebJobsDisableHomepage: 'true'
    }
  }
  dependsOn: [
    // The host must be able to reach its storage the moment it starts.
    hostStorageRoles
    dataStorageRoles
  ]
}

// Entra ID sign-in in front of the calculation tool; the keyed API and the host's webhooks stay outside it.
module appSignIn 'modules/appSignIn.bicep' = {
  name: 'app-sign-in'
  params: {
    functionAppName: names.functionApp
    clientId: signInClientId
    federatedCredentialSettingName: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'
    excludedPaths: [
      '/api/*'
      '/runtime/webhooks/*'
    ]
  }
  dependsOn: [
    functionApp
  ]
}

// Event Grid system topic of the data account; the subscription to it is step 2 (see blobEventSubscription).
resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: names.systemTopic
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: dataStorage.outputs.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// The topic's identity may write undeliverable events to the dead-letter container, nothing else.
module deadLetterRoles 'modules/storageRoles.bicep' = {
  name: 'roles-eventgrid-deadletter'
  params: {
    storageAccountName: names.dataStorage
    principalId: systemTopic.identity.principalId
    principalKey: systemTopic.id
    containerRoles: [
      {
        containerName: deadLetterContainer
        roleId: roles.storageBlobDataContributor // ba92f5b4-2d11-453d-a403-e96b0029c9fe Storage Blob Data Contributor
      }
    ]
  }
}

module blobEventSubscription 'modules/blobEventSubscription.bicep' = if (enableBlobEventSubscription) {
  name: 'blob-event-subscription'
  params: {
    systemTopicName: systemTopic.name
    functionAppName: names.functionApp
    functionName: blobTriggerFunctionName
    inputsContainerName: appStorage.inputsContainer
    deadLetterStorageAccountName: names.dataStorage
    deadLetterContainerName: deadLetterContainer
  }
  dependsOn: [
    functionApp
    deadLetterRoles
  ]
}

@description('Name of the function app (publish the code to it).')
output functionAppName string = functionApp.outputs.name

@description('Base URL of the HTTP API.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('Address of the calculation tool (behind Entra ID sign-in).')
output calculationToolUrl string = 'https://${functionApp.outputs.defaultHostName}/'

@description('Redirect URI to add to the sign-in app registration (Web platform).')
output signInRedirectUri string = appSignIn.outputs.redirectUri

@description('Name of the app\'s user-assigned managed identity: the database user to create in the post-deployment step.')
output functionIdentityName string = identity.name

@description('Client id of the app\'s managed identity.')
output functionIdentityClientId string = identity.properties.clientId

@description('Principal (object) id of the app\'s managed identity.')
output functionIdentityPrincipalId string = identity.properties.principalId

@description('Name of the data storage account (containers inputs, curated, rejected, mart, extracts).')
output dataStorageAccountName string = dataStorage.outputs.name

@description('Blob endpoint of the data storage account.')
output dataBlobEndpoint string = dataStorage.outputs.blobEndpoint

@description('Name of the Functions host storage account (AzureWebJobsStorage and the deployment package).')
output hostStorageAccountName string = hostStorage.outputs.name

@description('Fully qualified name of the SQL server.')
output sqlServerFqdn string = sql.outputs.serverFqdn

@description('Name of the mart database.')
output sqlDatabaseName string = sql.outputs.databaseName

@description('The T-SQL an Entra SQL administrator runs once in the mart database (post-deployment step).')
output sqlPostDeploymentScript string = 'CREATE USER [${identity.name}] FROM EXTERNAL PROVIDER; ALTER ROLE db_datareader ADD MEMBER [${identity.name}]; ALTER ROLE db_datawriter ADD MEMBER [${identity.name}]; ALTER ROLE db_ddladmin ADD MEMBER [${identity.name}];'

@description('Name of the Application Insights component.')
output applicationInsightsName string = monitoring.outputs.appInsightsName

@description('Name of the Log Analytics workspace.')
output logAnalyticsWorkspaceName string = monitoring.outputs.workspaceName

@description('Whether the Event Grid subscription of the blob trigger was deployed (step 2).')
output blobEventSubscriptionDeployed bool = enableBlobEventSubscription
