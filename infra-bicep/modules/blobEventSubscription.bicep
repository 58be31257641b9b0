// Step 2 of the deployment (after the code is published): the Event Grid subscription that drives the
// Event Grid-based blob trigger. Its webhook URL needs the host's 'blobs_extension' system key, which exists
// only once the Functions host has started with a blob trigger, so this module is deployed only when
// enableBlobEventSubscription is true. The key is read here with listKeys at deployment time; it never appears
// in a parameter, an output or an app setting.

@description('Name of the existing Event Grid system topic of the data storage account.')
param systemTopicName string

@description('Name of the existing function app.')
param functionAppName string

@description('Name of the blob-triggered function (the Functions helper names it IngestInputBlob).')
param functionName string

@description('Container whose new blobs trigger the function.')
param inputsContainerName string

@description('Name of the existing storage account that receives dead-lettered events.')
param deadLetterStorageAccountName string

@description('Container for events that could not be delivered.')
param deadLetterContainerName string

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource site 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource deadLetterAccount 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: deadLetterStorageAccountName
}

var blobsExtensionKey = listKeys('${site.id}/host/default', '2025-03-01').systemKeys.blobs_extension

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'ingest-input-blob'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${site.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${inputsContainerName}/'
      enableAdvancedFilteringOnArrays: true
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: deadLetterAccount.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

@description('Name of the event subscription.')
output name string = subscription.name
