import { gql } from '@apollo/client';

/** A model's held-out evaluation, from its training config artifact (null when the API's store lacks it). */
export const MODEL_EVALUATION = gql`
  query ModelEvaluation($id: String!) {
    modelById(id: $id) {
      id
      evaluation { set messages accuracy majorityRate predicted classesPredicted }
    }
  }
`;
