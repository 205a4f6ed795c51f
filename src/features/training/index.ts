// The training feature's public surface for other features and reports (issue 15, point 8).
export { releasedTrainingCounts, trainingCounts, TRAINING_DOMAIN, type ReleasedTrainingCounts, type TrainingCounts, type TrainingCountsScope } from './reporting.ts';
export { trainingCompletion } from './training.queries.ts';
